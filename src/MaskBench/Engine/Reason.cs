namespace MaskBench.Engine;

/// <summary>One reason a target runs, is skipped or is up to date: its <see cref="Kind"/> (<c>never-ran</c>,
/// <c>input-changed</c>, <c>upstream</c> …), the input, output or target it names, the recorded and the current value
/// where there are two, and the sentence the plan and the summary print.</summary>
internal sealed record Reason(string Kind, string Text, string? Name = null, string? Old = null, string? New = null)
{
    public override string ToString() => Text;
}
