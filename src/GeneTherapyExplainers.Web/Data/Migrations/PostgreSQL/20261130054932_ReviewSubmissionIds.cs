using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeneTherapyExplainers.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class ReviewSubmissionIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "ReviewRecords",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRecords_SubmissionId",
                table: "ReviewRecords",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewRecords_SubmissionId",
                table: "ReviewRecords");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "ReviewRecords");
        }
    }
}
