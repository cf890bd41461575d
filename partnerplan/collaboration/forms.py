"""Forms of the forums. Pickers offer only what the viewer may see; never an id to type."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.collaboration.models import SpaceKind
from partnerplan.core.forms import GovUKFormMixin, set_queryset
from partnerplan.partners.models import Partner
from partnerplan.portfolio.models import Programme

TEXT_HELP = (
    "Markdown: **bold**, *italic*, [a link](https://example.org), lists with '-', and "
    "'> ' to quote. Mention someone who can see this space with @ and their sign-in name."
)


class SpaceForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="What is the space for?", choices=SpaceKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(max_length=200)
    description = forms.CharField(
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    programme = forms.ModelChoiceField[Any](queryset=Programme.objects.none(), required=False)
    workstream = forms.ModelChoiceField[Any](queryset=Programme.objects.none(), required=False)
    project = forms.ModelChoiceField[Any](queryset=Programme.objects.none(), required=False)
    body = forms.ModelChoiceField[Any](queryset=Programme.objects.none(), required=False)
    members_only = forms.BooleanField(label="Only the body's members may see it", required=False)
    partners = forms.ModelMultipleChoiceField[Any](
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Partners in the group",
    )

    reveals = {
        "kind": {
            SpaceKind.PROGRAMME.value: ["programme"],
            SpaceKind.WORKSTREAM.value: ["workstream"],
            SpaceKind.PROJECT.value: ["project"],
            SpaceKind.BODY.value: ["body", "members_only"],
            SpaceKind.PARTNERS.value: ["partners"],
        }
    }

    def __init__(self, *args: Any, choices: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("programme", "workstream", "project", "body"):
            set_queryset(self, name, choices[name], empty_label="Choose one")
        set_queryset(self, "partners", choices["partners"])


class ThreadForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(max_length=200)
    is_question = forms.BooleanField(
        label="This is a question: I will mark the reply that answers it", required=False
    )
    text = forms.CharField(
        label="Your post", max_length=20000, help_text=TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
    )  # fmt: skip


class ReplyForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(
        label="Your reply", max_length=20000, help_text=TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 6}),
    )  # fmt: skip


class DirectoryFilterForm(GovUKFormMixin, forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=100,
        help_text="A name, job title, project, body or skill",
    )  # fmt: skip
    partner = forms.ModelChoiceField[Any](queryset=Programme.objects.none(), required=False)

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "partner", partners, empty_label="Any partner")
