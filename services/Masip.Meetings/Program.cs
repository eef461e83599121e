using Masip.Meetings;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(MeetingsHost.Name, typeof(MeetingsHost).Assembly);
builder.Services.AddMeetings();

var app = builder.Build();
app.MapMasipDefaults();
app.MapGrpcService<MeetingsGrpc>();
app.Run();
