from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.governance.models import AgendaItem
from partnerplan.reports.models import BlockKind, Report, ReportBlock, SectionKind
from partnerplan.reports.sources import SOURCES

MAX_UPLOAD = 10 * 1024 * 1024


def _choice(label: str) -> Any:
    """A choice of record; its queryset (what the viewer may see) is set in the form's
    __init__."""
    return forms.ModelChoiceField(label=label, queryset=AgendaItem.objects.none(), required=False)


class ReportCreateForm(GovUKFormMixin, forms.Form):
    item: Any = forms.ModelChoiceField(
        label="Agenda item the report is for",
        queryset=AgendaItem.objects.none(),  # set in __init__
        help_text="Reports belong to an agenda item of a meeting. Its recommendations and "
        "exempt status are the report's.",
    )

    def __init__(self, *args: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "item", items)
        field: Any = self.fields["item"]
        field.label_from_instance = lambda item: (
            f"{item.meeting.body.name}, {item.meeting.starts_at:%-d %B %Y}: {item}"
        )
        field.empty_label = "Choose an agenda item"


class ReportForm(GovUKFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Report
        fields = [
            "title", "author", "author_role", "contact_officer", "wards_affected",
            "partners_affected", "purpose", "financial", "legal", "equalities", "risks",
            "data_protection", "climate", "conclusions", "background_papers",
            "recommendations_required",
        ]  # fmt: skip
        widgets = {
            **{
                name: forms.Textarea(attrs={"rows": 5})
                for name in (
                    "purpose", "financial", "legal", "equalities", "risks", "data_protection",
                    "climate", "conclusions",
                )
            },
            "partners_affected": forms.CheckboxSelectMultiple,
        }  # fmt: skip

    def _post_clean(self) -> None:
        pass  # the service validates


class TemplateForm(GovUKFormMixin, forms.Form):
    template = forms.FileField(
        label="Word template (.docx or .dotx)",
        required=False,
        help_text="It must define the styles Title, Heading 1, Heading 2, Heading 3 and "
        "List Bullet. Leave empty and tick the box below to use partnerplan's own styles.",
    )
    remove = forms.BooleanField(label="Use partnerplan's own styles", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("template")
        if upload is None and not data.get("remove"):
            self.add_error("template", "Choose a Word template, or tick the box to remove it")
        if upload is not None and upload.size > MAX_UPLOAD:
            self.add_error("template", "The template must be smaller than 10 MB")
        return data


class SectionForm(GovUKFormMixin, forms.Form):
    heading = forms.CharField(label="Heading", max_length=300)
    kind = forms.ChoiceField(
        label="Where it goes",
        choices=SectionKind.choices,
        widget=forms.RadioSelect,
        initial=SectionKind.BODY,
    )
    order = forms.IntegerField(
        label="Position", min_value=0, max_value=999, required=False,
        help_text="Sections are shown in this order; leave empty to put it last.",
    )  # fmt: skip


LIVE_CHOICES = [("", "Choose what it shows")] + [(k, s.label) for k, s in SOURCES.items()]


class BlockForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="Kind of block", choices=BlockKind.choices, widget=forms.RadioSelect
    )
    order = forms.IntegerField(
        label="Position in the section", min_value=0, max_value=999, required=False,
        help_text="Leave empty to put it last.",
    )  # fmt: skip
    text = forms.CharField(
        label="Text", required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="For a paragraph or subheading. **Bold** and *italic* are understood.",
    )  # fmt: skip
    numbered = forms.BooleanField(label="Number this paragraph (4.1, 4.2 ...)", required=False)
    live_kind = forms.ChoiceField(label="Live block shows", choices=LIVE_CHOICES, required=False)
    programme = _choice("Programme")
    other = _choice("Other programme")
    method = _choice("Prioritisation method")
    project = _choice("Project")
    fund = _choice("Fund")
    scenario = _choice("Scenario")
    run = _choice("Planner run")
    plan_scenario = _choice("Planner scenario (leave empty for the plan as it stands)")
    start = GovUKDateField(label="Movements from", required=False)
    end = GovUKDateField(label="Movements to", required=False)
    figure_label = forms.CharField(
        label="Figure to check (what it is)", required=False, max_length=200,
        help_text="For a paragraph quoting a fund's balance, such as 'the March 2011 forecast "
        "balance'. The last £ figure in the paragraph is checked against the ledger.",
    )  # fmt: skip
    figure_fund = _choice("Fund the figure is the balance of")
    figure_on = GovUKDateField(label="Date of the balance", required=False)
    figure_scenario = _choice("Assuming this scenario's requests are approved")
    image = forms.FileField(label="Image (PNG or SVG)", required=False)
    alt = forms.CharField(
        label="Alt text", required=False, max_length=1000,
        help_text="Describe what the image shows for people who cannot see it.",
    )  # fmt: skip
    caption = forms.CharField(label="Caption", required=False, max_length=300)

    FIGURE_FIELDS = ("figure_label", "figure_fund", "figure_on", "figure_scenario")

    def __init__(
        self, *args: Any, choices: dict[str, Any], figure: bool = False, **kwargs: Any
    ) -> None:
        """``figure``: offer the figure check (only a paragraph quoting a £ figure has it)."""
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            if name in self.fields:
                set_queryset(self, name, queryset)
                field: Any = self.fields[name]
                field.empty_label = "None chosen"
        if not figure:
            for name in self.FIGURE_FIELDS:
                del self.fields[name]

    def clean_image(self) -> Any:
        upload = self.cleaned_data.get("image")
        if upload is not None and upload.size > MAX_UPLOAD:
            raise forms.ValidationError("The image must be smaller than 10 MB")
        return upload

    def image_bytes(self) -> bytes | None:
        """The uploaded image's bytes, or None when no image was uploaded."""
        upload = self.cleaned_data.get("image")
        return bytes(upload.read()) if upload is not None else None

    def service_data(self) -> dict[str, Any]:
        """The block's fields for the service (the image itself: ``image_bytes``)."""
        data = self.cleaned_data
        params: dict[str, Any] = {}
        names: dict[str, str] = {}
        if data["kind"] == BlockKind.LIVE:
            source = SOURCES.get(data.get("live_kind") or "")
            for key in (*source.needs, *source.optional) if source else ():
                value = data.get(key)
                if value is None:
                    continue
                if hasattr(value, "pk"):
                    params[key] = value.pk
                    names[key] = str(value)
                else:
                    params[key] = value.isoformat()
            if names:
                params["names"] = names
        figure: dict[str, Any] = {}
        if data["kind"] == BlockKind.PARAGRAPH and data.get("figure_fund"):
            figure = {
                "label": data.get("figure_label") or "the figure",
                "fund": data["figure_fund"].pk,
                "on": data["figure_on"].isoformat() if data.get("figure_on") else "",
                "scenario": data["figure_scenario"].pk if data.get("figure_scenario") else None,
            }
        upload = data.get("image")
        out = {
            "kind": data["kind"],
            "text": data.get("text") or "",
            "numbered": bool(data.get("numbered")),
            "live_kind": data.get("live_kind") or "" if data["kind"] == BlockKind.LIVE else "",
            "live_params": params,
            "figure": figure,
            "alt": data.get("alt") or "",
            "caption": data.get("caption") or "",
        }
        if data.get("order") is not None:
            out["order"] = data["order"]
        if upload is not None:
            name = upload.name.lower()
            out["image_type"] = "image/svg+xml" if name.endswith(".svg") else "image/png"
        return out


def block_initial(block: ReportBlock) -> dict[str, Any]:
    params = block.live_params or {}
    figure = block.figure or {}
    return {
        "kind": block.kind,
        "order": block.order,
        "text": block.text,
        "numbered": block.numbered,
        "live_kind": block.live_kind,
        **{k: v for k, v in params.items() if k != "names"},
        "figure_label": figure.get("label", ""),
        "figure_fund": figure.get("fund"),
        "figure_on": figure.get("on") or None,
        "figure_scenario": figure.get("scenario"),
        "alt": block.alt,
        "caption": block.caption,
    }


class PublishForm(GovUKFormMixin, forms.Form):
    override_reason = forms.CharField(
        label="Reason for publishing with a figure the data disagrees with",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only needed when a figure check fails. The reason is kept with the version.",
    )


class RecommendationFigureForm(GovUKFormMixin, forms.Form):
    label = forms.CharField(
        label="Figure to check (what it is)", required=False, max_length=200,
        help_text="For example 'the March 2011 forecast balance'. The last £ figure in the "
        "recommendation is checked against the ledger.",
    )  # fmt: skip
    fund = _choice("Fund the figure is the balance of (none: do not check)")
    on = GovUKDateField(label="Date of the balance", required=False)
    scenario = _choice("Assuming this scenario's requests are approved")

    def __init__(self, *args: Any, funds: Any, scenarios: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "fund", funds)
        set_queryset(self, "scenario", scenarios)
        fields: Any = self.fields
        fields["fund"].empty_label = "None: do not check a figure"
        fields["scenario"].empty_label = "None: approved movements only"


class SignOffForm(GovUKFormMixin, forms.Form):
    comment = forms.CharField(
        label="Comment (optional)", widget=forms.Textarea, max_length=2000, required=False
    )
