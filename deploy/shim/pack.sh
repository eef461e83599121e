#!/usr/bin/env bash
# Packs the shim metapackage into deploy/nuget-local (a .nupkg is a zip: no nuget.exe needed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../nuget-local/patched.distributedlock.postgres.1.3.3.nupkg"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lib/net8.0" "$tmp/lib/netstandard2.0"
cp "$here/Patched.DistributedLock.Postgres.nuspec" "$tmp/"
touch "$tmp/lib/net8.0/_._" "$tmp/lib/netstandard2.0/_._"
cat > "$tmp/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="nuspec" ContentType="application/octet" /><Default Extension="_" ContentType="application/octet" /></Types>
XML
rm -f "$out"
(cd "$tmp" && python3 -c "
import zipfile,os
z=zipfile.ZipFile('$out','w',zipfile.ZIP_DEFLATED)
for root,_,files in os.walk('.'):
    for f in files:
        p=os.path.join(root,f)[2:]
        z.write(p,p)
z.close()")
echo "packed $out"
