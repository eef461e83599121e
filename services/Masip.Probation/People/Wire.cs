namespace Masip.Probation.People;

/// <summary>The kebab-case names enums travel as, one table per enum (Require.OneOf reads them).</summary>
public static class Wire
{
    public static readonly IReadOnlyDictionary<string, OrderType> OrderTypes = new Dictionary<string, OrderType>
    {
        ["community-order"] = OrderType.CommunityOrder,
        ["suspended-sentence"] = OrderType.SuspendedSentence,
        ["licence"] = OrderType.Licence,
        ["post-sentence-supervision"] = OrderType.PostSentenceSupervision,
    };

    public static readonly IReadOnlyDictionary<string, LicenceConditionKind> ConditionKinds = new Dictionary<string, LicenceConditionKind>
    {
        ["no-contact"] = LicenceConditionKind.NoContact,
        ["exclusion-zone"] = LicenceConditionKind.ExclusionZone,
        ["residence"] = LicenceConditionKind.Residence,
        ["curfew"] = LicenceConditionKind.Curfew,
        ["electronic-monitoring"] = LicenceConditionKind.ElectronicMonitoring,
        ["other"] = LicenceConditionKind.Other,
    };

    public static readonly IReadOnlyDictionary<string, MappaReferral> MappaReferrals = new Dictionary<string, MappaReferral>
    {
        ["none"] = MappaReferral.None,
        ["made"] = MappaReferral.Made,
        ["accepted"] = MappaReferral.Accepted,
    };

    public static string Name<T>(IReadOnlyDictionary<string, T> table, T value) where T : struct, Enum =>
        table.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;
}
