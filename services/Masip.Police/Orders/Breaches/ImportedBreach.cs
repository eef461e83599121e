using Marten;
using Masip.Police.Cases;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Orders.Breaches;

/// <summary>An imported report names an order's subject as a breach, and exactly one of their orders was in force on the offence date: attached to it.</summary>
public sealed record ImportedBreachAttached(Guid CaseId, string CrimeReference, Guid PerpetratorId, Guid OrderId, string By, DateTimeOffset AttachedAt);

/// <summary>The order is not certain (several in force, or none on the offence date): the officer confirms which.</summary>
public sealed record ImportedBreachQueued(Guid CaseId, string CrimeReference, Guid PerpetratorId, IReadOnlyList<Guid> CandidateOrderIds, string Reason,
    DateTimeOffset QueuedAt);

/// <summary>The officer decided the report is not a breach of any of the person's orders.</summary>
public sealed record ImportedBreachDismissed(Guid CaseId, string Reason, string DismissedBy, DateTimeOffset DismissedAt);

public sealed record ConfirmImportedBreach(Guid CaseId, Guid? OrderId, string Reason);

/// <summary>An imported breach report and what became of it (its own stream; the confirmation queue is its read model).</summary>
public sealed record ImportedBreach
{
    public const string ToConfirm = "to-confirm";
    public const string Attached = "attached";
    public const string NotABreach = "not-a-breach";

    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CrimeReference { get; init; }
    public Guid PerpetratorId { get; init; }
    public IReadOnlyList<Guid> CandidateOrderIds { get; init; } = [];
    public string Reason { get; init; } = "";
    public string Status { get; init; } = ToConfirm;
    public Guid? OrderId { get; init; }
    public DateTimeOffset QueuedAt { get; init; }

    public static Guid IdFor(Guid caseId) => DeterministicId.For("imported-breach", caseId.ToString("N"));

    public static ImportedBreach Create(ImportedBreachQueued e) => new()
    {
        Id = IdFor(e.CaseId), CaseId = e.CaseId, CrimeReference = e.CrimeReference, PerpetratorId = e.PerpetratorId,
        CandidateOrderIds = e.CandidateOrderIds, Reason = e.Reason, QueuedAt = e.QueuedAt,
    };

    public static ImportedBreach Create(ImportedBreachAttached e) => new()
    {
        Id = IdFor(e.CaseId), CaseId = e.CaseId, CrimeReference = e.CrimeReference, PerpetratorId = e.PerpetratorId,
        CandidateOrderIds = [e.OrderId], Reason = e.By, Status = Attached, OrderId = e.OrderId, QueuedAt = e.AttachedAt,
    };

    public ImportedBreach Apply(ImportedBreachAttached e) => this with { Status = Attached, OrderId = e.OrderId };

    public ImportedBreach Apply(ImportedBreachDismissed e) => this with { Status = NotABreach };
}

/// <summary>
/// The overnight import flags a report whose suspect is an order's subject (existing-spo); when
/// the report is a breach (principal or included classification), the breach is recorded on the
/// order in force on the offence date, or queued for the officer when that order is not certain.
/// Called once per report from <see cref="ImportedBreachReactor"/>, which follows the police's own
/// events, so the import itself is unchanged.
/// </summary>
public static class ImportedBreaches
{
    public const string SeveralInForce = "several-orders-in-force";
    public const string NoneInForce = "no-order-in-force-on-the-offence-date";

    public static bool IsBreachReport(StacCase? c) =>
        c is { PerpetratorId: not null } && c.SuspectKnownReasons.Contains(ImportCrimeReportsHandler.ExistingSpo)
        && (c.Principal == Offence.Breach || c.Report.Included.Contains(Offence.Breach));

    public static bool InForceOn(ProtectiveOrder o, DateOnly day) =>
        o.MadeOn <= day && (o.InForce || o.EndedOn is { } ended && day <= ended);

    public static async Task Attach(CommandScope scope, Guid caseId)
    {
        var report = await scope.Load<StacCase>(caseId);
        if (!IsBreachReport(report))
            return;
        var handled = await scope.Stream<ImportedBreach>(ImportedBreach.IdFor(caseId));
        if (handled.Aggregate is not null)
            return;
        var perpetratorId = report!.PerpetratorId!.Value;
        var orders = await scope.Session.Query<ProtectiveOrder>().Where(o => o.PerpetratorId == perpetratorId)
            .OrderBy(o => o.MadeOn).ThenBy(o => o.Id).ToListAsync(scope.Cancellation);
        var candidates = orders.Where(o => InForceOn(o, report.OffenceDate)).ToList();
        if (candidates.Count != 1)
        {
            handled.AppendOne(new ImportedBreachQueued(caseId, report.CrimeReference, perpetratorId,
                [.. (candidates.Count > 0 ? candidates : orders).Select(o => o.Id)], candidates.Count > 1 ? SeveralInForce : NoneInForce, scope.Now));
            return;
        }
        await Record(scope, report, candidates[0].Id);
        handled.AppendOne(new ImportedBreachAttached(caseId, report.CrimeReference, perpetratorId, candidates[0].Id, "import", scope.Now));
    }

    /// <summary>The officer names the order the report breached (it must restrain the report's suspect), or none.</summary>
    public static async Task Confirm(CommandScope scope, ConfirmImportedBreach command)
    {
        var handled = await scope.Existing<ImportedBreach>(ImportedBreach.IdFor(command.CaseId), "case_id");
        var current = handled.Aggregate!;
        if (current.Status == ImportedBreach.Attached && current.OrderId == command.OrderId
            || current.Status == ImportedBreach.NotABreach && command.OrderId is null)
            return;
        if (current.Status != ImportedBreach.ToConfirm)
            throw new RuleViolationException("case_id", $"the report was already decided ({current.Status})");
        if (command.OrderId is not { } orderId)
        {
            handled.AppendOne(new ImportedBreachDismissed(command.CaseId, command.Reason, scope.Actor.Subject, scope.Now));
            return;
        }
        var order = await scope.Require<ProtectiveOrder>(orderId, "order_id");
        if (order.PerpetratorId != current.PerpetratorId)
            throw new InvalidFieldException("order_id", "restrains someone other than the report's suspect");
        await Record(scope, await scope.Require<StacCase>(command.CaseId, "case_id"), orderId);
        handled.AppendOne(new ImportedBreachAttached(command.CaseId, current.CrimeReference, current.PerpetratorId, orderId, scope.Actor.Subject, scope.Now));
    }

    private static async Task Record(CommandScope scope, StacCase report, Guid orderId)
    {
        var order = await scope.Existing<ProtectiveOrder>(orderId, "order_id");
        await BreachRecording.Record(scope, order,
            new Recording.RecordOrderBreach(orderId, report.OffenceDate, $"imported crime report {report.CrimeReference}", report.CrimeReference),
            BreachRecording.ImportedBreachId(report.Id), BreachSources.Import);
    }
}
