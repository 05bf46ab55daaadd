namespace MaskBench.Tools.Processes;

static class ContainerNames
{
    public static string Safe(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-').ToArray());
        return char.IsAsciiLetterOrDigit(safe.FirstOrDefault()) ? safe : "mb-" + safe;
    }
}
