#!/usr/bin/env bash
# Writes again the store code made by the EF Core tools from the model and the migrations, after any change to the
# entities, their configurations, the context or the migrations:
#  - the compiled models (src/GeneTherapyExplainers.Web/Data/CompiledModels/<Provider>/), which the site loads instead
#    of building its model at start (CompiledModelTests fails while they are out of date);
#  - Data/Migrations/Sqlite/NewStore.sql, every SQLite migration as one script, which makes a new SQLite store in one
#    step (NewStoreScriptTests fails while it is out of date).
# Usage: bash scripts/store-code.sh
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
dotnet ef migrations script --no-build --project "$web" --context SqliteEditorialDbContext \
  --output "$web/Data/Migrations/Sqlite/NewStore.sql"
