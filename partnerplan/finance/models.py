"""Finance: funds, a balanced ledger, pending requests and scenarios, and external bids.

The ledger is double-entry. Every movement of money is a `LedgerTransaction` with two or more
`Entry` rows whose amounts add up to zero. Each entry is on an `Account`: a fund, a project,
or one of the outside accounts money comes from or goes to (a partner, an external funder,
suppliers paid, opening balances). A positive entry is money arriving in the account.

A transaction is either *actual* (money has moved) or *committed* (approved, not yet paid,
expected on its `effective_on` date). Nothing is ever edited or deleted: a correction is a
reversal, and paying a commitment posts a reversal of the commitment and the actual payment.

Pending requests (not yet approved) are not in the ledger; they live in `FundingRequest` and are
added to a forecast only as a scenario. The rules are in services.py; see docs/finance.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerplan.core.models import ArchivableModel, TimeStampedModel, VisibleModel
from partnerplan.governance.models import AuthorisedBy


class FundKind(models.TextChoices):
    RESERVE = "reserve", "Partnership reserve"
    EARMARKED = "earmarked", "Earmarked reserve"
    CONTINGENCY = "contingency", "Contingency (drawn under delegation)"
    EXTERNAL = "external", "External funding stream"


class FundStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Fund(TimeStampedModel, ArchivableModel, VisibleModel):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=FundKind.choices)
    description = models.TextField(max_length=4000, blank=True)
    owner_body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        related_name="funds",
        help_text="The body that owns the fund and answers for it.",
    )
    contributors = models.ManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="funds_contributed_to",
        help_text="The partners that contribute to the fund.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="For an earmarked reserve or contingency: the reserve it was called from.",
    )
    delegation = models.ForeignKey(
        "governance.Delegation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funds",
        help_text="For a contingency: the delegation under which it may be drawn.",
    )
    funder = models.CharField(
        max_length=200, blank=True, help_text="For an external stream: who provides the money."
    )
    earmarked_for = models.TextField(
        "earmarked for",
        max_length=2000,
        blank=True,
        help_text="For an earmarked reserve: the purpose the money was set aside for.",
    )
    other_use_approver = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="earmarks_approved",
        verbose_name="who may approve another use",
        help_text="For an earmarked reserve: the body whose decision (or delegation) allows "
        "its money to be spent for another purpose.",
    )
    allow_negative = models.BooleanField(
        "may go below zero",
        default=False,
        help_text="If the fund's rules allow an overdrawn balance. Any such balance is flagged.",
    )
    status = models.CharField(max_length=8, choices=FundStatus.choices, default=FundStatus.OPEN)
    closed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    exempt_entitled_bodies_path = "owner_body"

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.status == FundStatus.CLOSED


class AccountKind(models.TextChoices):
    FUND = "fund", "Fund"
    PROJECT = "project", "Project"
    PARTNER = "partner", "Partner (contributions)"
    FUNDER = "funder", "External funder"
    SUPPLIERS = "suppliers", "Payments out (spend)"
    OPENING = "opening", "Opening balances"


# Accounts whose balance is money the partnership holds: never below zero unless allowed.
HOLDING_KINDS = frozenset({AccountKind.FUND, AccountKind.PROJECT})


class Account(models.Model):
    """Where an entry lands. Created by the services as needed, one per fund, project, partner
    and funder name, and one each for payments out and opening balances."""

    kind = models.CharField(max_length=12, choices=AccountKind.choices)
    fund = models.OneToOneField(
        Fund, null=True, blank=True, on_delete=models.PROTECT, related_name="account"
    )
    project = models.OneToOneField(
        "portfolio.Project",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="finance_account",
    )
    partner = models.OneToOneField(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="finance_account",
    )
    name = models.CharField(max_length=200, blank=True, help_text="For a funder: its name.")

    class Meta:
        ordering = ["kind", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                name="account_points_at_its_kind",
                condition=(
                    Q(kind="fund", fund__isnull=False, project__isnull=True, partner__isnull=True)
                    | Q(
                        kind="project",
                        project__isnull=False,
                        fund__isnull=True,
                        partner__isnull=True,
                    )
                    | Q(
                        kind="partner",
                        partner__isnull=False,
                        fund__isnull=True,
                        project__isnull=True,
                    )
                    | (
                        Q(kind__in=["funder", "suppliers", "opening"])
                        & Q(fund__isnull=True, project__isnull=True, partner__isnull=True)
                        & ~Q(name="")
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["kind", "name"],
                condition=Q(kind__in=["funder", "suppliers", "opening"]),
                name="account_outside_name_unique",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == AccountKind.FUND:
            return str(self.fund)
        if self.kind == AccountKind.PROJECT:
            return f"Project: {self.project}"
        if self.kind == AccountKind.PARTNER:
            return f"Partner: {self.partner}"
        return self.name


class TransactionKind(models.TextChoices):
    OPENING = "opening", "Opening balance"
    CONTRIBUTION = "contribution", "Contribution received"
    INCOME = "income", "External income"
    CALL = "call", "Call on reserves"
    DRAWDOWN = "drawdown", "Contingency drawdown"
    SPEND = "spend", "Spend"
    RELEASE = "release", "Release of unspent money"
    REVERSAL = "reversal", "Correction (reversal)"
    SETTLEMENT = "settlement", "Commitment paid"


class Basis(models.TextChoices):
    ACTUAL = "actual", "Actual"
    COMMITTED = "committed", "Approved, not yet paid"


class LedgerTransaction(TimeStampedModel, AuthorisedBy):
    """One balanced movement of money, with the authority for it and who posted it."""

    kind = models.CharField(max_length=16, choices=TransactionKind.choices)
    basis = models.CharField(max_length=10, choices=Basis.choices, default=Basis.ACTUAL)
    effective_on = models.DateField(
        help_text="When the money moves (for a commitment: when it is expected to be paid)."
    )
    description = models.CharField(max_length=500)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ledger_postings"
    )
    # The authority (AuthorisedBy): a decision of a body, a delegated (officer) decision, or a
    # recorded reference (body, reference, date) for authorities that are not (yet) recorded in
    # partnerplan; or else a drawdown under a delegation by a named person (below).
    delegation = models.ForeignKey(
        "governance.Delegation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ledger_transactions",
    )
    drawn_by = models.ForeignKey(
        "partners.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contingency_drawdowns",
    )
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by"
    )
    settles = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="settled_by"
    )
    reason = models.TextField(max_length=2000, blank=True, help_text="Why it was corrected.")
    overdraws = models.BooleanField(
        default=False, help_text="Posting it took a fund below zero, which its rules allow."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["effective_on", "pk"]
        verbose_name = "ledger transaction"
        constraints = [
            models.CheckConstraint(
                name="ledger_transaction_is_authorised",
                condition=(
                    Q(decision__isnull=False)
                    | Q(officer_decision__isnull=False)
                    | Q(prior_decision__isnull=False)
                    | Q(delegation__isnull=False, drawn_by__isnull=False)
                    | (
                        Q(authority_body__isnull=False, authority_date__isnull=False)
                        & ~Q(authority_reference="")
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on:%d/%m/%Y}: {self.description}"

    @property
    def authority_text(self) -> str:
        if self.decision_id:
            return f"Decision: {self.decision}"
        if self.officer_decision_id:
            return f"Delegated decision: {self.officer_decision}"
        if self.prior_decision_id:
            return f"Decision recorded from the papers: {self.prior_decision}"
        if self.delegation_id:
            return f"Drawn by {self.drawn_by} under the delegation: {self.delegation}"
        d = self.authority_date
        when = f"{d.day} {d.strftime('%B')} {d.year}" if d else ""
        return f"{self.authority_body}, {when}: {self.authority_reference}"


class Entry(models.Model):
    transaction = models.ForeignKey(
        LedgerTransaction, on_delete=models.PROTECT, related_name="entries"
    )
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    amount = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        help_text="Positive: money arriving in the account. Never zero.",
    )

    class Meta:
        ordering = ["transaction", "pk"]
        verbose_name_plural = "entries"
        constraints = [
            models.CheckConstraint(name="entry_amount_not_zero", condition=~Q(amount=0)),
        ]

    def __str__(self) -> str:
        return f"{self.account}: {self.amount}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn"


class FundingRequest(TimeStampedModel):
    """A call on a fund waiting for a decision. Counted in forecasts only as a scenario."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="requests")
    to_fund = models.ForeignKey(
        Fund, null=True, blank=True, on_delete=models.PROTECT, related_name="incoming_requests"
    )
    project = models.ForeignKey(
        "portfolio.Project",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funding_requests",
    )
    title = models.CharField(max_length=200)
    purpose = models.TextField(max_length=4000, blank=True)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    expected_on = models.DateField(help_text="When the money would be paid if approved.")
    reference = models.CharField(
        max_length=500, blank=True, help_text="Where it was asked for (report, paragraph)."
    )
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    transaction = models.OneToOneField(
        LedgerTransaction,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="request",
        help_text="The call posted when it was approved.",
    )
    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funding_requests_decided",
        help_text="The decision that approved or refused it.",
    )
    decided_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["expected_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Scenario(TimeStampedModel):
    """A named set of pending requests assumed approved, for forecasts."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(max_length=2000, blank=True)
    requests = models.ManyToManyField(FundingRequest, blank=True, related_name="scenarios")

    history = HistoricalRecords(m2m_fields=[requests])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BidStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    GREEN_LIGHT = "green_light", "Green light"
    SECURED = "secured", "Secured"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Bid(TimeStampedModel, VisibleModel, AuthorisedBy):
    """A bid to an external funder. Once secured, the award is posted as income on a fund."""

    title = models.CharField(max_length=300)
    funder = models.CharField(max_length=200)
    bidder = models.CharField(
        max_length=300, blank=True, help_text="Who made the bid (for example the Chief Executives)."
    )
    project = models.ForeignKey(
        "portfolio.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="bids"
    )
    fund = models.ForeignKey(
        Fund,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bids",
        help_text="The fund the money goes into once secured.",
    )
    amount = models.DecimalField(max_digits=14, decimal_places=2, help_text="The amount bid for.")
    submitted_on = models.DateField(null=True, blank=True)
    decision_expected_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=BidStatus.choices, default=BidStatus.DRAFT)
    secured_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    needs_approval = models.BooleanField(
        "the funder requires a decision before it is submitted",
        default=False,
        help_text="Then submitting it needs the decision of a body with the power to approve "
        "bids (the authority is recorded on the bid).",
    )
    income = models.OneToOneField(
        LedgerTransaction, null=True, blank=True, on_delete=models.PROTECT, related_name="bid"
    )
    notes = models.TextField(max_length=4000, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where the facts come from.")

    history = HistoricalRecords()

    exempt_entitled_bodies_path = "fund__owner_body"

    class Meta:
        ordering = ["status", "title"]

    def __str__(self) -> str:
        return self.title
