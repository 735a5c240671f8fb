using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GeneTherapyExplainers.Web.Data.Migrations;

/// <summary>People, related items, and the links from explainers to both. Written by hand (see docs/operating.md).</summary>
[DbContext(typeof(EditorialDbContext))]
[Migration("20261122000100_PeopleAndRelatedItems")]
public sealed class PeopleAndRelatedItems : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Honorific = table.Column<string>(maxLength: 20, nullable: true),
                RoleTitles = table.Column<string>(nullable: false),
                Credentials = table.Column<string>(maxLength: 500, nullable: true),
                Affiliations = table.Column<string>(nullable: false),
                Bio = table.Column<string>(maxLength: 4000, nullable: true),
                SourcePage = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_People", x => x.Id));

        migrationBuilder.CreateTable(
            name: "RelatedItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Series = table.Column<string>(maxLength: 200, nullable: true),
                Source = table.Column<string>(maxLength: 200, nullable: true),
                Summary = table.Column<string>(maxLength: 4000, nullable: true),
                Url = table.Column<string>(maxLength: 2000, nullable: true),
                SourcePage = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RelatedItems", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ExplainerContributors",
            columns: table => new
            {
                ExplainerSlug = table.Column<string>(maxLength: 100, nullable: false),
                Role = table.Column<string>(maxLength: 32, nullable: false),
                PersonId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExplainerContributors", x => new { x.ExplainerSlug, x.Role });
                table.ForeignKey("FK_ExplainerContributors_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ExplainerRelated",
            columns: table => new
            {
                ExplainerSlug = table.Column<string>(maxLength: 100, nullable: false),
                RelatedItemId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                DetachedAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExplainerRelated", x => new { x.ExplainerSlug, x.RelatedItemId });
                table.ForeignKey("FK_ExplainerRelated_RelatedItems_RelatedItemId", x => x.RelatedItemId, "RelatedItems", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RelatedItemPeople",
            columns: table => new
            {
                RelatedItemId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: 32, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RelatedItemPeople", x => new { x.RelatedItemId, x.PersonId, x.Role });
                table.ForeignKey("FK_RelatedItemPeople_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RelatedItemPeople_RelatedItems_RelatedItemId", x => x.RelatedItemId, "RelatedItems", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ExplainerContributors_PersonId", "ExplainerContributors", "PersonId");
        migrationBuilder.CreateIndex("IX_ExplainerRelated_RelatedItemId", "ExplainerRelated", "RelatedItemId");
        migrationBuilder.CreateIndex("IX_People_Key", "People", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_RelatedItemPeople_PersonId", "RelatedItemPeople", "PersonId");
        migrationBuilder.CreateIndex("IX_RelatedItems_Key", "RelatedItems", "Key", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RelatedItemPeople");
        migrationBuilder.DropTable("ExplainerRelated");
        migrationBuilder.DropTable("ExplainerContributors");
        migrationBuilder.DropTable("RelatedItems");
        migrationBuilder.DropTable("People");
    }
}
