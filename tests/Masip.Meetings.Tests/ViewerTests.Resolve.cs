using Grpc.Core;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Sharing;
using Xunit;

namespace Masip.Meetings.Tests;

/// <summary>Issue 12.6: a view is the caller's own; only the chair previews another attendee's, never a broader one.</summary>
public sealed class ViewerTests_Resolve
{
    private static readonly Meeting Dmm = Given.Meeting();
    private static readonly Meeting Griffin = Given.Meeting(MeetingTypes.Griffin);

    private static StatusCode Denied(Action call) => Assert.Throws<RpcException>(call).StatusCode;

    [Fact]
    public void Given_no_attendee_named_or_the_callers_own_When_resolving_Then_the_view_is_the_callers_own()
    {
        Assert.Equal("advocacy/advocate", Viewers.Resolve(Dmm, Given.Advocate, "", "", Given.Agreement));
        Assert.Equal("advocacy/advocate", Viewers.Resolve(Dmm, Given.Advocate, "advocacy", "advocate", Given.Agreement));
        Assert.Equal("probation/probation-officer", Viewers.Resolve(Griffin, Given.ProbationOfficer, null, null, Given.Agreement));
        Assert.Equal("police/meeting-chair", Viewers.Resolve(Dmm, Given.ChairCaller, "", "", Given.Agreement));
    }

    [Fact]
    public void Given_an_advocate_When_asking_for_the_chairs_view_or_any_Griffin_view_Then_permission_is_denied()
    {
        Assert.Equal(StatusCode.PermissionDenied, Denied(() => Viewers.Resolve(Dmm, Given.Advocate, "police", "meeting-chair", Given.Agreement)));
        Assert.Equal(StatusCode.PermissionDenied, Denied(() => Viewers.Resolve(Dmm, Given.ProbationOfficer, "advocacy", "advocate", Given.Agreement)));
        Assert.Equal(StatusCode.PermissionDenied, Denied(() => Viewers.Resolve(Griffin, Given.Advocate, "", "", Given.Agreement)));
        Assert.Equal(StatusCode.PermissionDenied, Denied(() => Viewers.Resolve(Griffin, Given.Advocate, "police", "meeting-chair", Given.Agreement)));
    }

    [Fact]
    public void Given_the_chair_When_previewing_an_attendees_view_Then_it_is_that_view_if_the_meeting_has_such_an_attendee()
    {
        Assert.Equal("advocacy/advocate", Viewers.Resolve(Dmm, Given.ChairCaller, "advocacy", "advocate", Given.Agreement));
        Assert.Equal("nhs/clinician", Viewers.Resolve(Griffin, Given.ChairCaller, "nhs", "clinician", Given.Agreement));
        Assert.Equal("attendee_agency", Assert.Throws<RuleViolationException>(() =>
            Viewers.Resolve(Griffin, Given.ChairCaller, "advocacy", "advocate", Given.Agreement)).Field);
        Assert.Equal("attendee_role", Assert.Throws<InvalidFieldException>(() =>
            Viewers.Resolve(Dmm, Given.ChairCaller, "nhs", "advocate", Given.Agreement)).Field);
    }

    [Fact]
    public void Given_an_agreement_where_an_attendee_sees_more_than_the_chair_When_the_chair_previews_it_Then_permission_is_denied()
    {
        // A variant agreement in which NHS clinicians also see clinical detail at the DMM: the chair
        // may not use a preview to see it.
        var yaml = File.ReadAllText(SharingExtensions.DefaultAgreementPath).Replace(
            "  - roles: [nhs/clinician]\n    classes: [clinical.detail]\n    purposes: [case-management]",
            "  - roles: [nhs/clinician]\n    classes: [clinical.detail]\n    purposes: [case-management, dmm]");
        var broader = SharingAgreement.Parse(yaml, "variant.yaml");
        Assert.True(broader.MaySee("nhs/clinician", "clinical.detail", "dmm"));

        var error = Assert.Throws<RpcException>(() => Viewers.Resolve(Dmm, Given.ChairCaller, "nhs", "clinician", broader));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.StartsWith("attendee_role:", error.Status.Detail);
        Assert.Contains("clinical.detail", error.Status.Detail);
        Assert.Equal("nhs/clinician", Viewers.Resolve(Dmm, Given.ChairCaller, "nhs", "clinician", Given.Agreement));
    }
}
