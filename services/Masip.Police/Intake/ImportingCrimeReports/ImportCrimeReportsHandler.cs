using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Griffin;
using Masip.Police.Perpetrators;
using Masip.Police.Persons;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Intake.ImportingCrimeReports;

public sealed record ImportResult(int New, int Amended, int Unchanged, IReadOnlyList<ImportRejectionResult> Rejections);

/// <summary>
/// Imports decided lines of a night (CrimeReportLine) in one command, through the command pipeline
/// as the caller (the crime-system import is police/service): a refused line is reported with its
/// line, field and reason and the rest import; suspects are matched to perpetrators, and a report
/// naming a Griffin nominal raises the nominal's PNC marker alert. The events of one import carry
/// its import id as their correlation id.
/// </summary>
public sealed class ImportCrimeReportsHandler(CommandPipeline pipeline, ILogger<ImportCrimeReportsHandler> logger)
{
    public const string RepeatPerpetrator = "repeat-perpetrator";
    public const string GriffinNominal = "griffin-nominal";
    public const string ExistingSpo = "existing-spo";

    public async Task<ImportResult> Import(Actor actor, IReadOnlyList<DecidedLine> lines, Guid? importId, CancellationToken ct)
    {
        if (lines.All(l => l.Report is null))
            return new ImportResult(0, 0, 0, [.. lines.Select(l => l.Rejection!)]);
        ImportResult? result = null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await pipeline.Run(actor, async scope =>
        {
            if (importId is { } id)
                scope.Session.CorrelationId = id.ToString();
            result = await Decide(scope, lines);
        }, ct);
        logger.LogDebug("Imported crime reports (import {ImportId}): {New} new, {Amended} amended, {Unchanged} unchanged, {Rejected} rejected in {TotalMs:0} ms",
            importId, result!.New, result.Amended, result.Unchanged, result.Rejections.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>Decides and appends the lines' events in the command's session (one attempt of the command).</summary>
    public async Task<ImportResult> Decide(CommandScope scope, IReadOnlyList<DecidedLine> lines)
    {
        var now = scope.Now;
        var ct = scope.Cancellation;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var session = scope.Session;
        var rejections = lines.Select(l => l.Rejection).OfType<ImportRejectionResult>().ToList();
        var valid = lines.Where(l => l.Report is not null).Select(l => (l.Line, Report: l.Report!)).ToList();

        var ids = valid.Select(v => StacCase.IdFor(v.Report.CrimeReference)).Distinct().ToArray();
        var cases = new Dictionary<Guid, StacCase>();
        foreach (var c in await session.LoadManyAsync<StacCase>(ct, ids))
            cases[c.Id] = c;
        var perpetrators = await CandidatesFor(session, valid.Select(v => v.Report.Suspect), ct);
        var nominals = new Dictionary<Guid, Nominal>();
        foreach (var n in await session.LoadManyAsync<Nominal>(ct, perpetrators.Select(p => Nominal.IdFor(p.Id)).ToArray()))
            nominals[n.PerpetratorId] = n;

        int created = 0, amended = 0, unchanged = 0;
        var recognise = new HashSet<Guid>();
        var startedHere = new HashSet<Guid>();
        foreach (var (line, report) in valid)
        {
            var id = StacCase.IdFor(report.CrimeReference);
            var current = cases.GetValueOrDefault(id);
            var match = SuspectMatch.None;
            Perpetrator? matched = null;
            double score = 0;
            string reason = "";
            // A suspect is matched when a report first names one (new, or amended to name one).
            var namesNewSuspect = current is null || (current.PerpetratorId is null && current.Report.Suspect is null);
            if (namesNewSuspect && report.Suspect is { } suspect)
            {
                if (SuspectMatching.Match(suspect, perpetrators) is { } m)
                {
                    (matched, score, reason) = m;
                    var known = new List<string> { RepeatPerpetrator };
                    if (nominals.TryGetValue(matched.Id, out var nominal) && nominal.Status == "accepted")
                        known.Add(GriffinNominal);
                    if (matched.OrderCases.Count > 0)
                        known.Add(ExistingSpo);
                    match = new SuspectMatch(matched.Id, known);
                }
                else
                {
                    match = new SuspectMatch(SuspectKeys.IdFor(suspect, report.CrimeReference), []);
                }
            }

            IReadOnlyList<object> events;
            try
            {
                events = ImportCrimeReportDecision.Decide(current, report, match, now);
            }
            catch (DomainException ex)
            {
                rejections.Add(new ImportRejectionResult(line, report.CrimeReference, ex.Field, ex.Problem));
                continue;
            }
            switch (ImportCrimeReportDecision.OutcomeOf(events))
            {
                case ImportOutcome.Unchanged:
                    unchanged++;
                    continue;
                case ImportOutcome.Amended:
                    amended++;
                    // A reference repeated within the batch amends the stream this batch starts.
                    if (startedHere.Contains(id))
                        session.Events.Append(id, [.. events]);
                    else
                        await session.Events.AppendOptimistic(id, ct, [.. events]);
                    cases[id] = events.Aggregate(current!, (c, e) => c.Apply((CrimeReportAmended)e));
                    if (namesNewSuspect && match.PerpetratorId is { } identifiedLater)
                    {
                        var identified = new SuspectIdentified(id, identifiedLater, match.KnownReasons, now);
                        session.Events.Append(id, identified);
                        cases[id] = cases[id].Apply(identified);
                        Link(session, id, report, identifiedLater, matched, score, reason, perpetrators, nominals, recognise, now);
                    }
                    continue;
            }

            created++;
            var imported = (CrimeReportImported)events[0];
            session.Events.StartStream<StacCase>(id, imported);
            startedHere.Add(id);
            cases[id] = StacCase.Create(imported);
            if (match.PerpetratorId is { } perpetratorId)
                Link(session, id, report, perpetratorId, matched, score, reason, perpetrators, nominals, recognise, now);
        }

        await RecogniseEarlierReports(session, cases, recognise, now, ct);
        await PersonIndex.FlagOtherRoles(session, cases, now, ct);
        // The night's new reports and suspects (the common case) go in by COPY on this command's
        // transaction; amendments and links to existing streams stay on Marten's path (issue 15).
        var decided = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var copied = await NewStreamsCopy.WritePendingNewStreams(session, ct, BulkSnapshot.Of<StacCase>(), BulkSnapshot.Of<Perpetrator>());
        // Where an import's time goes (issue 15.7): deciding (loads, matching) against the COPY; the rest is Marten's SaveChanges and the commit.
        logger.LogDebug("Import decided {Lines} lines in {DecideMs:0} ms; {Copied}; COPY path in all {CopyMs:0} ms",
            lines.Count, decided.TotalMilliseconds, copied, (System.Diagnostics.Stopwatch.GetElapsedTime(started) - decided).TotalMilliseconds);
        return new ImportResult(created, amended, unchanged, [.. rejections.OrderBy(r => r.Line)]);
    }

    /// <summary>
    /// Links a report to its suspect's perpetrator identity: a new identity for a first report, else
    /// a suggested link (and the earlier reports are recognised); a nominal's marker raises an alert.
    /// </summary>
    private void Link(IDocumentSession session, Guid caseId, CrimeReportDetails report, Guid perpetratorId, Perpetrator? matched,
        double score, string reason, List<Perpetrator> perpetrators, Dictionary<Guid, Nominal> nominals, HashSet<Guid> recognise, DateTimeOffset now)
    {
        var named = report.Suspect!;
        if (matched is null)
        {
            var identified = new PerpetratorIdentified(perpetratorId, caseId, report.CrimeReference, named.Name, named.DateOfBirth,
                SuspectKeys.Pnc(named.PncId), SuspectKeys.NameAndBirth(named.Name, named.DateOfBirth), now);
            session.Events.StartStream<Perpetrator>(perpetratorId, identified);
            perpetrators.Add(Perpetrator.Create(identified));
            return;
        }

        var linked = new ReportLinkedToPerpetrator(matched.Id, caseId, report.CrimeReference, score, reason, now);
        session.Events.Append(matched.Id, linked);
        foreach (var earlier in matched.LiveLinks)
            recognise.Add(earlier.CaseId);
        perpetrators[perpetrators.IndexOf(matched)] = matched.Apply(linked);
        if (nominals.TryGetValue(matched.Id, out var nominal) && nominal.Status == "accepted")
        {
            // PNC marker: any new police contact with a nominal alerts STAC for the next Griffin meeting.
            var activity = new NominalActivityRecorded(nominal.Id, matched.Id, "new crime report naming the nominal",
                report.CrimeReference, "crime-system import", now);
            session.Events.Append(nominal.Id, activity);
            nominals[matched.Id] = nominal.Apply(activity);
            logger.LogInformation("Griffin alert for nominal {NominalId}: new crime report {CaseId}", nominal.Id, caseId);
        }
    }

    // An earlier report still awaiting review moves up the queue once another report names its suspect.
    private static async Task RecogniseEarlierReports(IDocumentSession session, Dictionary<Guid, StacCase> cases, HashSet<Guid> ids,
        DateTimeOffset now, CancellationToken ct)
    {
        var missing = ids.Where(id => !cases.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
            foreach (var c in await session.LoadManyAsync<StacCase>(ct, missing))
                cases[c.Id] = c;
        foreach (var id in ids)
        {
            if (cases.TryGetValue(id, out var c) && c.Status == CaseStatus.AwaitingReview && !c.SuspectKnownReasons.Contains(RepeatPerpetrator))
                session.Events.Append(id, new SuspectRecognised(id, RepeatPerpetrator, now));
        }
    }

    private static async Task<List<Perpetrator>> CandidatesFor(IQuerySession session, IEnumerable<Suspect?> suspects, CancellationToken ct)
    {
        var named = suspects.OfType<Suspect>().ToList();
        var pncs = named.Select(s => SuspectKeys.Pnc(s.PncId)).OfType<string>().Distinct().ToArray();
        var keys = named.Select(s => SuspectKeys.NameAndBirth(s.Name, s.DateOfBirth)).OfType<string>().Distinct().ToArray();
        if (pncs.Length == 0 && keys.Length == 0)
            return [];
        var found = await session.Query<Perpetrator>()
            .Where(p => p.PncId!.IsOneOf(pncs) || p.NameKey!.IsOneOf(keys))
            .ToListAsync(ct);
        return [.. found];
    }
}
