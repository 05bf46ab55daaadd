namespace MaskBench.Engine;

/// <summary>A target, declared as in NUKE: <c>Target Compile =&gt; _ =&gt; _.DependsOn(Restore).Executes(...)</c>.</summary>
internal delegate ITargetDefinition Target(ITargetDefinition definition);

/// <summary>A target whose name is only known at run time, such as the chain of one implementation.</summary>
internal sealed record NamedTarget(string Name, Target Definition);
