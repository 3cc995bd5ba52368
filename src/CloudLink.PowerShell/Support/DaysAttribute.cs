using System.Management.Automation;

namespace CloudLink.PowerShell.Support;

/// <summary>Lets a TimeSpan parameter take a plain number as days (-OlderThan 30), as admins write it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DaysAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            int days => TimeSpan.FromDays(days),
            long days => TimeSpan.FromDays(days),
            double days => TimeSpan.FromDays(days),
            _ => inputData,
        };
    }
}
