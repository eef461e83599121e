using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Imports;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Police.Intake;

public sealed partial class PoliceIntakeGrpc
{
    /// <summary>
    /// The largest message the intake receives, set for this service alone: an ImportNight chunk
    /// holds at most 1 MiB of the file (its declared bound, refused as InvalidArgument naming data
    /// beyond it), so a night of any size streams through; a batch of records (tests, demo data) fits too.
    /// </summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>Lines decided and stored per command (one transaction each): a night of any size is many of them.</summary>
    public const int ImportBatchLines = 500;

    /// <summary>The rejected lines the reply lists (the first, by line number); the rest are counted.</summary>
    public const int ListedRejections = 1000;

    /// <summary>
    /// A night's file, streamed: each complete line is decided alone as it arrives
    /// (CrimeReportLine.Decide), and every <see cref="ImportBatchLines"/> lines are stored in one
    /// command; a line never costs more memory than <see cref="CrimeReportLine.MaxLineBytes"/>.
    /// </summary>
    public override async Task<ImportNightReply> ImportNight(IAsyncStreamReader<ImportNightChunk> requestStream, ServerCallContext context)
    {
        var actor = Actor.From(context.Sharing().Caller);
        var ct = context.CancellationToken;
        var splitter = new LineSplitter(CrimeReportLine.MaxLineBytes);
        var reply = new ImportNightReply();
        var pending = new List<DecidedLine>();
        Guid? importId = null;

        async Task Take(RawLine line)
        {
            if (JsonLineReader.IsBlank(line))
                return;
            pending.Add(CrimeReportLine.Decide(line, clock.GetUtcNow()));
            if (pending.Count >= ImportBatchLines)
                await Store();
        }

        async Task Store()
        {
            if (pending.Count == 0)
                return;
            var result = await import.Import(actor, pending, importId, ct);
            pending = [];
            reply.NewReports += result.New;
            reply.Amended += result.Amended;
            reply.Unchanged += result.Unchanged;
            reply.Rejected += result.Rejections.Count;
            foreach (var rejection in result.Rejections)
            {
                if (reply.Rejections.Count < ListedRejections)
                    reply.Rejections.Add(ToRejection(rejection));
                else
                    reply.RejectionsNotListed++;
            }
        }

        await foreach (var chunk in requestStream.ReadAllAsync(ct))
        {
            var id = Guid.Parse(chunk.ImportId);
            if (importId is null)
                importId = id;
            else if (importId != id)
                throw new InvalidFieldException("import_id", "must be the same in every chunk of one import");
            foreach (var line in splitter.Push(chunk.Data.Span))
                await Take(line);
        }
        if (importId is null)
            throw new InvalidFieldException("data", "the import sent no chunk");
        if (splitter.Finish() is { } last)
            await Take(last);
        await Store();

        reply.ImportId = importId.Value.ToString();
        reply.Lines = splitter.Lines;
        reply.Bytes = splitter.Bytes;
        logger.LogInformation("Imported night {ImportId}: {Lines} lines, {New} new, {Amended} amended, {Unchanged} unchanged, {Rejected} rejected",
            importId, reply.Lines, reply.NewReports, reply.Amended, reply.Unchanged, reply.Rejected);
        return reply;
    }
}
