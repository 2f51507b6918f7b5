-- Which cases each case-list export included, for the cases' access logs; export rows are kept after their files expire.
CREATE TABLE "export_cases" (
	"case_id" uuid NOT NULL,
	"export_id" uuid NOT NULL,
	CONSTRAINT "export_cases_case_id_export_id_pk" PRIMARY KEY("case_id","export_id")
);
