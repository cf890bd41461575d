"""The pieces every app shares: money, the lifecycle helper and the one form page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from partnerplan.core.forms import ConfirmForm, GovUKFormMixin, set_choices, set_queryset
from partnerplan.core.lifecycle import Lifecycle
from partnerplan.core.money import format_money, from_pence, to_pence
from partnerplan.core.pages import INVALID_STATUS, bound, form_page
from partnerplan.partners.models import Partner

# --- Money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("85000"), "£85,000"),
        (Decimal("17500.50"), "£17,500.50"),
        (Decimal("-1200"), "-£1,200"),
        (Decimal("0.005"), "£0.01"),
        (0, "£0"),
        ("232290.00", "£232,290"),
    ],
)
def test_it_writes_money_one_way(amount, text):
    assert format_money(amount) == text


def test_it_shows_nothing_as_asked():
    assert format_money(None) == ""
    assert format_money(None, none="no limit") == "no limit"


def test_it_refuses_a_float_for_money():
    with pytest.raises(TypeError, match="never float"):
        format_money(1.5)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_it_turns_pence_into_pounds_and_back_exactly(pence):
    assert to_pence(from_pence(pence)) == pence


# --- Lifecycle --------------------------------------------------------------------------------

BID = Lifecycle({"draft": {"submitted", "withdrawn"}, "submitted": {"secured"}})


def test_it_knows_where_each_state_may_go():
    assert BID.targets("draft") == {"submitted", "withdrawn"}
    assert BID.sources("secured") == {"submitted"}
    assert BID.states == {"draft", "submitted", "withdrawn", "secured"}
    assert BID.allows("draft", "submitted") and not BID.allows("secured", "draft")


def test_it_refuses_a_wrong_source_state_with_the_reason():
    with pytest.raises(ValidationError, match="The bid is secured: it cannot become draft"):
        BID.require("secured", "draft", subject="The bid")


def test_it_words_a_refusal_as_the_lifecycle_asks():
    meeting = Lifecycle({"scheduled": {"held"}}, refusal=lambda s, t: f"cannot go {s} to {t}")
    with pytest.raises(ValidationError, match="cannot go held to scheduled") as exc:
        meeting.require("held", "scheduled")
    assert exc.value.message_dict == {"status": ["cannot go held to scheduled"]}


# --- The one form page ------------------------------------------------------------------------


class NameForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(label="Name")


def _request(rf: RequestFactory, method: str, data: dict[str, str] | None, user):
    request = rf.post("/x/", data or {}) if method == "POST" else rf.get("/x/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


def _page(request, act, **kwargs):
    return form_page(
        request, NameForm(bound(request)), act=act, success=lambda r: f"Saved {r}",
        done=lambda r: f"/done/{r}/", title="Name it", **kwargs,
    )  # fmt: skip


def test_it_shows_the_form_then_redirects_after_one_service_call(world):
    rf = RequestFactory()
    calls: list[object] = []
    assert _page(_request(rf, "GET", None, world.users["admin"]), calls.append).status_code == 200

    def act(data):
        calls.append(data)
        return "ok"

    response = _page(_request(rf, "POST", {"name": "A"}, world.users["admin"]), act)
    assert (response.status_code, response["Location"]) == (302, "/done/ok/")
    assert calls == [{"name": "A"}]


def test_it_answers_a_refused_form_with_one_status(world):
    rf = RequestFactory()
    response = _page(_request(rf, "POST", {}, world.users["admin"]), lambda data: "never")
    assert response.status_code == INVALID_STATUS == 400
    assert "Enter name" in response.content.decode()

    def refuse(data):
        raise ValidationError({"name": "That name is taken"})

    response = _page(_request(rf, "POST", {"name": "A"}, world.users["admin"]), refuse)
    assert response.status_code == 400 and "That name is taken" in response.content.decode()


def test_it_checks_the_rule_before_anything_else(world):
    rf = RequestFactory()
    request = _request(rf, "POST", {"name": "A"}, world.users["officer"])
    with pytest.raises(PermissionDenied, match="Only partnership administrators can add"):
        _page(request, lambda data: pytest.fail("the service ran"), rule="partners.add_partner")


def test_it_binds_an_empty_post_so_missing_answers_are_reported():
    rf = RequestFactory()
    assert bound(rf.get("/")) is None
    assert bound(rf.post("/", {})) is not None


def test_it_sets_choices_without_type_ignores(world):
    class Pick(forms.Form):
        who: forms.ModelChoiceField[Partner] = forms.ModelChoiceField(queryset=None)
        what = forms.ChoiceField()

    form = Pick()
    set_queryset(form, "who", Partner.objects.all())
    set_choices(form, "what", [("a", "A")])
    what = form.fields["what"]
    assert isinstance(what, forms.ChoiceField) and list(what.choices) == [("a", "A")]
    with pytest.raises(TypeError, match="what is not a model choice field"):
        set_queryset(form, "what", Partner.objects.all())
    assert ConfirmForm().fields == {}
