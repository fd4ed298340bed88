#!/usr/bin/env bash
# Met à jour les graphiques du DSFR livrés avec l'application (src/main/resources/static/dsfr-chart/) depuis le
# paquet npm @gouvfr/dsfr-chart (licence MIT) : seul le composant <bar-chart> dont le tableau de bord se sert est
# copié (script ESM et feuille de style), avec la licence, pour que « mvn spring-boot:run » n'ait pas besoin de npm.
# Usage : scripts/maj-dsfr-chart.sh [version]   (par défaut la version déjà livrée, voir VERSION)
set -euo pipefail

racine="$(cd "$(dirname "$0")/.." && pwd)"
cible="$racine/src/main/resources/static/dsfr-chart"
version="${1:-$(cat "$cible/VERSION" 2>/dev/null || echo 2.0.4)}"

temp="$(mktemp -d)"
trap 'rm -rf "$temp"' EXIT

(cd "$temp" && npm pack --silent "@gouvfr/dsfr-chart@$version" >/dev/null && tar xzf gouvfr-dsfr-chart-*.tgz)
dist="$temp/package/dist"

rm -rf "$cible"
mkdir -p "$cible"
cp "$dist/BarChart/BarChart.js" "$dist/BarChart/BarChart.css" "$cible/"
cp "$temp/package/LICENSE" "$cible/LICENSE"
sed -i '/^\/\/# sourceMappingURL=/d' "$cible/BarChart.js"
echo "$version" > "$cible/VERSION"
echo "DSFR Chart $version copié dans $cible ($(du -sh "$cible" | cut -f1))."
