#!/bin/sh
# Makes the LAN listener's TLS material exactly as provisioning must: a self-signed EC P-256 certificate for the
# appliance's LAN address, in a PKCS12 keystore whose password is the one line of a mode-0600 file.
# Usage: make-keystore.sh <dir> <LAN IP address> [<host name>]
# The tests run this very script (LanKeystore), so a keystore made this way is one the appliance accepts.
set -eu
dir=$1; ip=$2; name=${3:-motcua.local}
umask 077
openssl rand -base64 24 > "$dir/web-tls.secret"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -sha256 -days 3650 -nodes \
    -keyout "$dir/web-tls.key" -out "$dir/web-tls.crt" -subj "/CN=$name" \
    -addext "subjectAltName=IP:$ip,DNS:$name" -addext "extendedKeyUsage=serverAuth" 2>/dev/null
openssl pkcs12 -export -inkey "$dir/web-tls.key" -in "$dir/web-tls.crt" -name motcua-web \
    -passout "file:$dir/web-tls.secret" -out "$dir/web-tls.p12"
rm -f "$dir/web-tls.key"
chmod 600 "$dir/web-tls.secret" "$dir/web-tls.p12"
