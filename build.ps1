# Windows twin of build.sh: the dotnet on PATH when it satisfies global.json, else the pinned SDK in
# .nuke/temp; the build project compiled only when its sources changed; the compiled program run directly.
$ErrorActionPreference = "Stop"
$ScriptDir = Split-Path $MyInvocation.MyCommand.Path -Parent
$TempDirectory = "$ScriptDir\.nuke\temp"
$BuildProjectFile = "$ScriptDir\build\_build.csproj"
$BuildOutput = "$TempDirectory\bin"
$env:DOTNET_CLI_TELEMETRY_OPTOUT = 1
$env:DOTNET_NOLOGO = 1
$env:DOTNET_ROLL_FORWARD = "Major"

New-Item -ItemType Directory -Force -Path $TempDirectory | Out-Null
$Files = @(Get-ChildItem -Recurse -File "$ScriptDir\build", "$ScriptDir\src" -Include *.cs, *.csproj, *.props |
    Where-Object { $_.FullName -notmatch '\\(bin|obj)\\' } | Sort-Object FullName) +
    @(Get-Item "$ScriptDir\global.json", "$ScriptDir\Directory.Build.props", "$ScriptDir\Directory.Packages.props")
$Hash = ($Files | Get-FileHash -Algorithm SHA1 | ForEach-Object Hash) -join "" | ForEach-Object {
    [BitConverter]::ToString([Security.Cryptography.SHA1]::Create().ComputeHash([Text.Encoding]::UTF8.GetBytes($_))) }

if (!(Test-Path "$BuildOutput\_build.dll") -or !(Test-Path "$TempDirectory\build.hash") -or ((Get-Content "$TempDirectory\build.hash") -ne $Hash)) {
    $DotNet = (Get-Command dotnet -ErrorAction SilentlyContinue).Source
    if ($null -eq $DotNet -or (Push-Location $ScriptDir; & dotnet --version 2>&1 | Out-Null; $ok = $LASTEXITCODE -eq 0; Pop-Location; -not $ok)) {
        $DotNetDirectory = "$TempDirectory\dotnet-win"
        $DotNet = "$DotNetDirectory\dotnet.exe"
        if (!(Test-Path $DotNet)) {
            $Installer = "$TempDirectory\dotnet-install.ps1"
            (New-Object System.Net.WebClient).DownloadFile("https://dot.net/v1/dotnet-install.ps1", $Installer)
            $Version = (Get-Content "$ScriptDir\global.json" | ConvertFrom-Json).sdk.version
            & powershell $Installer -InstallDir $DotNetDirectory -Version $Version -NoPath
        }
    }
    $Why = if (Test-Path "$BuildOutput\_build.dll") { "its sources changed" } else { "the first run here" }
    $Estimate = if (Test-Path "$TempDirectory\build.seconds") { "the last compile here took $(Get-Content "$TempDirectory\build.seconds") s" } else { "restoring the NuGet packages and compiling take 1-2 minutes on two cores, less on more" }
    Write-Host "Compiling the build project ($Why): $Estimate; later runs start at once until build/ or src/ change..."
    $Clock = [System.Diagnostics.Stopwatch]::StartNew()
    & $DotNet build $BuildProjectFile -o $BuildOutput -nologo -clp:NoSummary --verbosity quiet /nodeReuse:false /p:UseSharedCompilation=false
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Set-Content "$TempDirectory\build.seconds" ([int]$Clock.Elapsed.TotalSeconds)
    Write-Host "Compiled in $([int]$Clock.Elapsed.TotalSeconds) s."
    Set-Content "$TempDirectory\dotnet.path" $DotNet
    Set-Content "$TempDirectory\build.hash" $Hash
}
& (Get-Content "$TempDirectory\dotnet.path") "$BuildOutput\_build.dll" @args
exit $LASTEXITCODE
