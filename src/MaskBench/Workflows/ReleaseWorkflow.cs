namespace MaskBench.Workflows;

/// <summary>
/// <c>.github/workflows/release.yml</c>: on a pushed tag <c>v*</c>, publishes the single-file MaskBench
/// (<c>./build.sh Publish</c>) and attaches it to the tag's GitHub release, made with generated notes when it does not
/// exist yet; its job summary names the binary's size and commit.
/// </summary>
internal sealed record ReleaseWorkflow(string RunsOn)
{
    public const string FileName = "release.yml";

    public string Render() =>
        $$$"""
            {{{WorkflowSteps.Header}}}
            name: release

            on:
              push:
                tags: ["v*"]

            permissions:
              contents: write

            jobs:
              release:
                name: The single-file MaskBench
                runs-on: {{{RunsOn}}}
                timeout-minutes: 30
                steps:
            {{{WorkflowSteps.Start}}}
                  - name: Publish
                    run: ./build.sh Publish
                  - name: Attach it to the release
                    env:
                      GH_TOKEN: ${{ github.token }}
                      TAG: ${{ github.ref_name }}
                    run: |
                      gh release view "$TAG" >/dev/null 2>&1 || gh release create "$TAG" --generate-notes --verify-tag
                      gh release upload "$TAG" artifacts/bin/maskbench --clobber
                      echo "maskbench $(du -h artifacts/bin/maskbench | cut -f1), commit $GITHUB_SHA: attached to $TAG" >> "$GITHUB_STEP_SUMMARY"

            """;
}
