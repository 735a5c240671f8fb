using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GeneTherapyExplainers.Web.Data.Migrations;

/// <summary>Review cadence per explainer and the append-only review history.</summary>
[DbContext(typeof(EditorialDbContext))]
[Migration("20261122000200_ReviewHistory")]
public sealed class ReviewHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ExplainerSchedules",
            columns: table => new
            {
                ExplainerSlug = table.Column<string>(maxLength: 100, nullable: false),
                CadenceMonths = table.Column<int>(nullable: false),
                SourcePage = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ExplainerSchedules", x => x.ExplainerSlug));

        migrationBuilder.CreateTable(
            name: "ReviewRecords",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                ExplainerSlug = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                ReviewedOn = table.Column<DateOnly>(nullable: false),
                ReviewerId = table.Column<int>(nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                SourcesChecked = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(nullable: false),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                CorrectsId = table.Column<int>(nullable: true),
                SourcePage = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewRecords", x => x.Id);
                table.ForeignKey("FK_ReviewRecords_People_ReviewerId", x => x.ReviewerId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ReviewRecords_ReviewRecords_CorrectsId", x => x.CorrectsId, "ReviewRecords", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_ReviewRecords_CorrectsId", "ReviewRecords", "CorrectsId");
        migrationBuilder.CreateIndex("IX_ReviewRecords_ExplainerSlug", "ReviewRecords", "ExplainerSlug");
        migrationBuilder.CreateIndex("IX_ReviewRecords_ReviewerId", "ReviewRecords", "ReviewerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReviewRecords");
        migrationBuilder.DropTable("ExplainerSchedules");
    }
}
