"""The shared interface pieces: secondary navigation, breadcrumbs, table scroll regions, month
inputs, input widths and conditional reveals."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import resolve

from partnerplan.core.forms import GovUKFormMixin, GovUKMonthField, apply_validation_error
from partnerplan.core.templatetags.govuk import auto_width


def _request(path: str, user: Any = None) -> Any:
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    request.user = user or AnonymousUser()
    return request


def _render(source: str, request: Any, **context: Any) -> str:
    return Template(source).render(Context({"request": request, **context}))


@pytest.mark.django_db
def test_it_draws_one_subnav_marking_the_page_and_its_section(world):
    html = _render(
        '{% include "core/_subnav.html" with area="governance" %}',
        _request("/governance/decisions/"),
    )
    assert 'aria-label="Governance"' in html
    assert 'href="/governance/decisions/" aria-current="page"' in html
    assert "My actions" not in html  # only for someone signed in
    body = world.body
    html = _render(
        '{% include "core/_subnav.html" with area="governance" %}',
        _request(f"/governance/bodies/{body.pk}/", world.users["member"]),
    )
    assert 'href="/governance/" aria-current="true"' in html and "My actions" in html


@pytest.mark.django_db
def test_it_shows_finance_links_only_to_those_who_may_open_them(world):
    public = _render('{% include "core/_subnav.html" with area="finance" %}', _request("/finance/"))
    assert "Bids register" in public and "Reconciliation" not in public
    admin = _render(
        '{% include "core/_subnav.html" with area="finance" %}',
        _request("/finance/", world.users["admin"]),
    )
    assert "Reconciliation" in admin


def test_it_builds_breadcrumbs_from_the_area_and_the_trail_given():
    request = _request("/governance/decisions/")
    html = _render('{% breadcrumbs "Decisions" "/governance/decisions/" %}', request)
    assert 'class="govuk-breadcrumbs' in html
    assert ">Home</a>" in html and ">Governance</a>" in html
    assert "Decisions" not in html  # the page itself is not in its own trail
    assert _render("{% breadcrumbs %}", _request("/governance/")).strip() == ""  # the index


def test_it_names_people_pages_under_people_not_partners():
    html = _render("{% breadcrumbs %}", _request("/partners/people/new/"))
    assert ">People</a>" in html and ">Partners</a>" not in html


def test_it_wraps_a_table_in_a_labelled_focusable_scroll_region():
    html = _render(
        '{% table_scroll "Members of {{ name }}" %}<table></table>{% endtable_scroll %}',
        _request("/"),
        name="the <Board>",
    )
    assert 'class="pp-table-scroll" role="region"' in html and 'tabindex="0"' in html
    assert 'aria-label="Members of the &lt;Board&gt;"' in html
    assert "<table></table>" in html


class _MonthForm(GovUKFormMixin, forms.Form):
    month = GovUKMonthField(label="First month")


def test_a_month_input_asks_for_month_and_year_and_means_the_first_day():
    form = _MonthForm({"month_month": "9", "month_year": "2010"})
    assert form.is_valid() and form.cleaned_data["month"] == dt.date(2010, 9, 1)
    form = _MonthForm({"month_month": "", "month_year": "2010"})
    assert not form.is_valid()
    assert form.errors["month"] == ["First month must include a month"]
    html = _render("{% govuk_field form.month %}", _request("/"), form=_MonthForm())
    assert "month_month" in html and "month_year" in html and "month_day" not in html


def test_inputs_are_as_wide_as_their_answers():
    assert auto_width(forms.DecimalField()) == "10"
    assert auto_width(forms.CharField(max_length=10)) == "10"
    assert auto_width(forms.CharField(max_length=300)) == ""
    assert auto_width(forms.EmailField(max_length=20)) == ""


class _RevealForm(GovUKFormMixin, forms.Form):
    how = forms.ChoiceField(
        choices=[("a", "By A"), ("b", "By B")], widget=forms.RadioSelect, required=False
    )
    a_text = forms.CharField(label="Reference of A", required=False)
    b_text = forms.CharField(label="Reference of B", required=False)
    reveals = {"how": {"a": ["a_text"], "b": ["b_text"]}}


def test_it_puts_each_answers_fields_inside_its_conditional_reveal():
    form = _RevealForm({"how": "a"})
    html = _render("{% for f in form %}{% govuk_field f %}{% endfor %}", _request("/"), form=form)
    assert html.count("Reference of A") == 1 and html.count("Reference of B") == 1
    assert 'data-aria-controls="conditional-id_how_0"' in html
    assert 'class="govuk-radios__conditional" id="conditional-id_how_0"' in html
    assert 'class="govuk-radios__conditional govuk-radios__conditional--hidden"' in html
    # An error on a field of an answer not chosen shows on the radios, where it can be seen.
    form.is_valid()
    from django.core.exceptions import ValidationError

    apply_validation_error(form, ValidationError({"b_text": "Enter Reference of B"}))
    assert form.errors["how"] == ["Enter Reference of B"]
