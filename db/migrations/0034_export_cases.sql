-- Which cases each case-list export included, for the cases' access logs; export rows are kept after their files expire.
CREATE TABLE "export_cases" (
	"export_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "export_cases_export_id_case_id_pk" PRIMARY KEY("export_id","case_id")
);
