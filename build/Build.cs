namespace MaskBench.Build;

static class Program
{
    static int Main() => 1;
}
