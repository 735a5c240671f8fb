using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeneTherapyExplainers.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DigestDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Page = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: true),
                    IsReport = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    HandledNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HandledReviewId = table.Column<int>(type: "INTEGER", nullable: true)
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
