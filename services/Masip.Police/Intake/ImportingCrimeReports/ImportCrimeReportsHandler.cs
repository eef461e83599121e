using Google.Protobuf;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Griffin;
using Masip.Police.Perpetrators;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Intake.ImportingCrimeReports;

/// <summary>One line of a batch: the record, or why it could not be read.</summary>
public sealed record ImportLine(int Line, CrimeReportRecord? Record, string? Error);

public sealed record ImportRejectionResult(int Line, string CrimeReference, string Reason);

public sealed record ImportResult(int New, int Amended, int Unchanged, IReadOnlyList<ImportRejectionResult> Rejections, IReadOnlyList<Guid> CaseIds);

/// <summary>
/// Imports a night of crime reports in one transaction: each line decided on its own (a bad one
/// is rejected with its line and reason, the rest import), suspects matched to perpetrators,
/// and a report naming a Griffin nominal raises the nominal's PNC marker alert.
/// </summary>
public sealed class ImportCrimeReportsHandler(IDocumentStore store, TimeProvider clock, ILogger<ImportCrimeReportsHandler> logger)
{
    public const int MaxRecords = 5000;
    public const string RepeatPerpetrator = "repeat-perpetrator";
    public const string GriffinNominal = "griffin-nominal";
    public const string ExistingSpo = "existing-spo";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static IReadOnlyList<ImportLine> Read(ImportCrimeReportsRequest request)
    {
        if (request.Records.Count > 0 && !string.IsNullOrWhiteSpace(request.JsonLines))
            throw new InvalidFieldException("json_lines", "give records or json_lines, not both");
        List<ImportLine> lines;
        if (request.Records.Count > 0)
        {
            lines = [.. request.Records.Select((r, i) => new ImportLine(i + 1, r, null))];
        }
        else
        {
            lines = [];
            var text = request.JsonLines.Split('\n');
            for (var i = 0; i < text.Length; i++)
            {
                var line = text[i].Trim();
                if (line.Length == 0)
                    continue;
                try
                {
                    lines.Add(new ImportLine(i + 1, Parser.Parse<CrimeReportRecord>(line), null));
                }
                catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException or FormatException)
                {
                    var reason = ex.Message.Length > 160 ? ex.Message[..160] + "..." : ex.Message;
                    lines.Add(new ImportLine(i + 1, null, $"json: not a crime report record ({reason})"));
                }
            }
        }
        if (lines.Count == 0)
            throw new InvalidFieldException("records", "the batch is empty");
        if (lines.Count > MaxRecords)
            throw new InvalidFieldException("records", $"at most {MaxRecords} records per batch");
        return lines;
    }

    public async Task<ImportResult> Handle(IReadOnlyList<ImportLine> lines, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rejections = new List<ImportRejectionResult>();
        var valid = new List<(int Line, CrimeReportDetails Report)>();
        foreach (var line in lines)
        {
            if (line.Record is null)
            {
                rejections.Add(new ImportRejectionResult(line.Line, "", line.Error ?? "unreadable"));
                continue;
            }
            try
            {
                valid.Add((line.Line, ImportCrimeReportDecision.Validate(line.Record, now)));
            }
            catch (DomainException ex)
            {
                rejections.Add(new ImportRejectionResult(line.Line, line.Record.CrimeReference ?? "", ex.Message));
            }
        }

        await using var session = store.LightweightSession();
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
        var caseIds = new List<Guid>();
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
                rejections.Add(new ImportRejectionResult(line, report.CrimeReference, ex.Message));
                continue;
            }
            caseIds.Add(id);
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
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Imported crime reports: {New} new, {Amended} amended, {Unchanged} unchanged, {Rejected} rejected",
            created, amended, unchanged, rejections.Count);
        return new ImportResult(created, amended, unchanged, [.. rejections.OrderBy(r => r.Line)], caseIds);
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
