using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GeneTherapyExplainers.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class ReaderFeedbackAndDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DigestOff",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DigestDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    PeriodStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestDeliveries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReaderFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Page = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PageKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Helpful = table.Column<bool>(type: "boolean", nullable: true),
                    IsReport = table.Column<bool>(type: "boolean", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    HandledNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HandledReviewId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReaderFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReaderFeedback_ReviewRecords_HandledReviewId",
                        column: x => x.HandledReviewId,
                        principalTable: "ReviewRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveries_UserId_PeriodStart",
                table: "DigestDeliveries",
                columns: new[] { "UserId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReaderFeedback_HandledAt",
                table: "ReaderFeedback",
                column: "HandledAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReaderFeedback_HandledReviewId",
                table: "ReaderFeedback",
                column: "HandledReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReaderFeedback_Page_PageKey_ReceivedAt",
                table: "ReaderFeedback",
                columns: new[] { "Page", "PageKey", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReaderFeedback_ReceivedAt",
                table: "ReaderFeedback",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigestDeliveries");

            migrationBuilder.DropTable(
                name: "ReaderFeedback");

            migrationBuilder.DropColumn(
                name: "DigestOff",
                table: "AspNetUsers");
        }
    }
}
