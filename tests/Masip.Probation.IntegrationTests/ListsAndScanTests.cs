using Masip.Contracts.Common;
using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Masip.Testing;
using Xunit;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>
/// Issue 14.5 and 13.7: the due scan pages through every candidate (here three at a time) and
/// raises each alert once however often, and on however many replicas, it runs; the lists page
/// through everything, the most urgent first. The scan runs here only when a test says so.
/// </summary>
public sealed class ListsAndScanTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private const int ScanPage = 3;
    private ProbationUnderTest _probation = null!;

    public async Task InitializeAsync() => _probation = await StartAsync(bed, scanIntervalSeconds: 3600, scanPageSize: ScanPage);

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    private async Task<RegisterPersonRequest> InCustody(int releaseInDays, Guid? perpetratorId = null)
    {
        var person = NewPerson(perpetratorId);
        await _probation.People.RegisterPersonAsync(person);
        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = person.PersonId, Establishment = "HMP Test P", ExpectedRelease = Date(releaseInDays) });
        return person;
    }

    /// <summary>Every item of a list, page by page (page size 2), checking that the pages end.</summary>
    private static async Task<(List<T> Items, long Total)> All<T>(Func<PageRequest, Task<(IEnumerable<T> Items, PageInfo Page)>> list)
    {
        var items = new List<T>();
        var page = new PageRequest { PageSize = 2 };
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 500, "the pages never end");
            var (some, info) = await list(page);
            var count = items.Count;
            items.AddRange(some);
            Assert.InRange(items.Count - count, 0, 2);
            if (info.NextPageToken == "")
                return (items, info.Total);
            page = new PageRequest { PageSize = 2, PageToken = info.NextPageToken };
        }
    }

    [Fact]
    public async Task One_scan_raises_every_release_due_across_pages_and_two_replicas_scanning_at_once_raise_each_once()
    {
        var due = new List<RegisterPersonRequest>();
        foreach (var days in new[] { 27, 3, 14, 0, 9, 3, 21, 1 })
            due.Add(await InCustody(days, Guid.NewGuid()));
        var beyond = new List<RegisterPersonRequest> { await InCustody(29), await InCustody(120), await InCustody(-2) };
        var replica = await StartAsync(bed, scanIntervalSeconds: 3600, scanPageSize: ScanPage);

        try
        {
            await Task.WhenAll(_probation.ScanNow(), replica.ScanNow(), _probation.ScanNow());
            await _probation.ScanNow();
        }
        finally
        {
            await replica.DisposeAsync();
        }

        foreach (var person in due)
            Assert.Equal(1, await _probation.EventsOf(Guid.Parse(person.PersonId), "release_due_raised"));
        foreach (var person in beyond)
            Assert.Equal(0, await _probation.EventsOf(Guid.Parse(person.PersonId), "release_due_raised"));
        Assert.Equal("probation:due-scan", await _probation.Scalar<string>(
            "select user_name from masip.mt_events where stream_id = @p0 and type = 'release_due_raised'", Guid.Parse(due[0].PersonId)));

        var (releases, total) = await All<ReleaseDue>(async page =>
        {
            var reply = await _probation.Releases.ListReleasesDueAsync(new ListReleasesDueRequest { Page = page });
            return (reply.Releases, reply.Page);
        });
        Assert.Equal(total, releases.Count);
        Assert.Equal(releases.Count, releases.Select(r => r.PersonId).Distinct().Count());
        Assert.Equal(releases.Select(r => r.ExpectedRelease).Order(StringComparer.Ordinal), releases.Select(r => r.ExpectedRelease));
        Assert.Superset(due.Select(p => p.PersonId).ToHashSet(), releases.Select(r => r.PersonId).ToHashSet());
        Assert.DoesNotContain(releases, r => beyond.Any(p => p.PersonId == r.PersonId));
    }

    [Fact]
    public async Task One_scan_raises_every_PSR_due_across_pages_once_however_often_it_runs()
    {
        var person = NewPerson(Guid.NewGuid());
        await _probation.People.RegisterPersonAsync(person);
        var near = new List<Guid>();
        var far = new List<Guid>();
        foreach (var days in new[] { 2, 0, 1, 2, 1, 0, 2, 30, 45 })
        {
            var id = Guid.NewGuid();
            await _probation.Psr.RequestPsrConsultationAsync(new RequestPsrConsultationRequest
            {
                ConsultationId = id.ToString(), PersonId = person.PersonId, Court = "Test Crown Court", HearingDate = Date(days + 7),
                DueDate = Date(days), Offence = "s4A", Requester = "writer-002", RequesterRole = "court-report-writer",
            });
            (days <= 2 ? near : far).Add(id);
        }

        await Task.WhenAll(_probation.ScanNow(), _probation.ScanNow());
        await _probation.ScanNow();

        foreach (var id in near)
            Assert.Equal(1, await _probation.EventsOf(id, "psr_due_alert_raised"));
        foreach (var id in far)
            Assert.Equal(0, await _probation.EventsOf(id, "psr_due_alert_raised"));
    }

    [Fact]
    public async Task The_MAPPA_flags_page_through_everyone_flagged_the_longest_waiting_first()
    {
        var flagged = new List<RegisterPersonRequest>();
        for (var i = 0; i < 5; i++)
        {
            var perpetratorId = Guid.NewGuid();
            var person = NewPerson(perpetratorId);
            await _probation.People.RegisterPersonAsync(person);
            await _probation.Publish(new CaseTieredV1(Guid.NewGuid(), "CRIS-FLAG-" + i, perpetratorId, "s4A", 3, "high", "synthetic", DateTimeOffset.UtcNow));
            await Eventually.ValueAsync(async () =>
                (await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId })).Mappa.FlaggedCaseId is { Length: > 0 } id ? id : null,
                TimeSpan.FromSeconds(30), "the flag");
            flagged.Add(person);
        }

        var (flags, total) = await All<MappaFlag>(async page =>
        {
            var reply = await _probation.Mappa.ListMappaFlagsAsync(new ListMappaFlagsRequest { Page = page });
            return (reply.Flags, reply.Page);
        });

        Assert.Equal(total, flags.Count);
        Assert.Equal(flags.Count, flags.Select(f => f.PersonId).Distinct().Count());
        Assert.Equal(flags.Select(f => DateTimeOffset.Parse(f.FlaggedAt)).Order(), flags.Select(f => DateTimeOffset.Parse(f.FlaggedAt)));
        Assert.Equal(flagged.Select(p => p.PersonId), flags.Where(f => flagged.Any(p => p.PersonId == f.PersonId)).Select(f => f.PersonId));
    }
}
