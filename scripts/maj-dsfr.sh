#!/usr/bin/env bash
# Met à jour le DSFR livré avec l'application (src/main/resources/static/dsfr/) depuis le paquet npm
# @gouvfr/dsfr : seuls la feuille de style, les scripts, la licence, les favicons et les polices et icônes
# que la feuille de style appelle sont copiés, pour que « mvn spring-boot:run » n'ait pas besoin de npm.
# Usage : scripts/maj-dsfr.sh [version]   (par défaut la version déjà livrée, voir VERSION)
set -euo pipefail

racine="$(cd "$(dirname "$0")/.." && pwd)"
cible="$racine/src/main/resources/static/dsfr"
version="${1:-$(cat "$cible/VERSION" 2>/dev/null || echo 1.15.3)}"

temp="$(mktemp -d)"
trap 'rm -rf "$temp"' EXIT

(cd "$temp" && npm pack --silent "@gouvfr/dsfr@$version" >/dev/null && tar xzf gouvfr-dsfr-*.tgz)
dist="$temp/package/dist"

rm -rf "$cible"
mkdir -p "$cible"
cp "$dist/dsfr.min.css" "$dist/dsfr.module.min.js" "$dist/dsfr.nomodule.min.js" "$cible/"
cp -r "$dist/favicon" "$cible/"
cp "$temp/package/LICENSE.md" "$cible/LICENSE.md"
# Les polices et icônes appelées par url(...) dans la feuille de style, et elles seules.
grep -o 'url([^)]*)' "$dist/dsfr.min.css" | sed -e 's/^url(//' -e 's/)$//' -e 's/"//g' -e "s/'//g" \
  | grep -v '^data:' | sort -u | while read -r fichier; do
    mkdir -p "$cible/$(dirname "$fichier")"
    cp "$dist/$fichier" "$cible/$fichier"
  done
# Les scripts minifiés nomment une carte des sources que nous ne livrons pas.
sed -i '/^\/\/# sourceMappingURL=/d' "$cible/dsfr.module.min.js" "$cible/dsfr.nomodule.min.js"
echo "$version" > "$cible/VERSION"
echo "DSFR $version copié dans $cible ($(du -sh "$cible" | cut -f1))."
