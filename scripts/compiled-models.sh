#!/usr/bin/env bash
# Makes the store's compiled models again (src/GeneTherapyExplainers.Web/Data/CompiledModels/<Provider>/), after any
# change to the entities, their configurations or the context. The site uses them instead of building its model at
# start; CompiledModelTests fails while they are out of date.
# Usage: bash scripts/compiled-models.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
web=src/GeneTherapyExplainers.Web
rm -rf "$web/Data/CompiledModels"
dotnet build "$web" -v q -nologo
for pair in Sqlite:SqliteEditorialDbContext PostgreSQL:PostgresEditorialDbContext; do
  folder="${pair%%:*}" context="${pair#*:}"
  dotnet ef dbcontext optimize --no-build --project "$web" --context "$context" \
    --output-dir "Data/CompiledModels/$folder" --namespace "GeneTherapyExplainers.Web.Data.CompiledModels.$folder"
done
