using System.Text.Json;
using Masip.Police.Orders;
using Masip.Police.Orders.Referring;
using Masip.Police.Tests.Cases;
using Xunit;

namespace Masip.Police.Tests.Orders;

/// <summary>What leaves the police in OrderChangedV1, and which requirements refer the person to the NHS.</summary>
public sealed class OrderMessagesTests
{
    [Fact]
    public void An_order_leaves_as_its_state_without_protected_persons_the_restrained_persons_name_or_breach_details()
    {
        var (orderId, perpetratorId) = (Guid.NewGuid(), Guid.NewGuid());
        var order = ProtectiveOrder.Create(new OrderRecorded(orderId, Guid.NewGuid(), "CRIS-ORDER-1", perpetratorId, "Test Suspect NAME-SECRET",
                "restraining-order", null, ["Test Victim VICTIM-SECRET"], ["no contact"], ["attend a stalking intervention programme"],
                Given.Today, Given.Today.AddYears(1), "Test Crown Court", "pc-1", Given.Now))
            .Apply(new OrderBreachRecorded(orderId, Guid.NewGuid(), perpetratorId, Guid.NewGuid(), "restraining-order", Given.Today,
                "BREACH-SECRET at the victim's home", "officer", null, "pc-1", Given.Now));

        var message = OrdersModule.Changed(order, "breached", Given.Now);

        Assert.Equal((orderId, perpetratorId, "breached", "in-force", 1), (message.OrderId, message.PerpetratorId, message.Change, message.Status, message.BreachCount));
        Assert.Equal(["attend a stalking intervention programme"], message.Requirements);
        Assert.DoesNotContain("SECRET", JsonSerializer.Serialize(message));
    }

    [Theory]
    [InlineData("intervention-programme", true)]
    [InlineData("attend an Intervention course", true)]
    [InlineData("signing-on", false)]
    [InlineData("mental-health-assessment", false)]
    public void A_requirement_naming_an_intervention_refers_the_person(string requirement, bool refers) =>
        Assert.Equal(refers, InterventionReferrals.Requires(["surrender-devices", requirement]));
}
