using Masip.Advocacy.Caseloads;
using Masip.Advocacy;
using Masip.Advocacy.Referrals;
using Masip.Advocacy.DataProtection;
using Masip.Advocacy.Statistics;
using Masip.Advocacy.Support;
using Masip.Advocacy.VictimUpdates;
using Masip.ServiceDefaults;
using Masip.Advocacy.Work;
using Masip.ServiceDefaults.Work;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(AdvocacyHost.Name, typeof(AdvocacyHost).Assembly);
builder.Services.AddAdvocacyCaseloadReads();
builder.Services.AddReferrals();
builder.Services.AddReferralRectification();
builder.Services.AddSupport();
builder.Services.AddVictimUpdates();
builder.Services.AddMeetingWork(AdvocacyHost.Name);

var app = builder.Build();
app.MapMasipDefaults();
app.MapGrpcService<AdvocacyReferralsGrpc>();
app.MapGrpcService<AdvocacySupportGrpc>();
app.MapGrpcService<AdvocacyWorkGrpc>();
app.MapGrpcService<AdvocacyStatisticsGrpc>();
app.Run();
