CREATE TABLE "course_demands" (
	"course_id" integer NOT NULL,
	"demand_id" bigint NOT NULL,
	CONSTRAINT "course_demands_course_id_demand_id_pk" PRIMARY KEY("course_id","demand_id")
);
--> statement-breakpoint
ALTER TABLE "course_demands" ADD CONSTRAINT "course_demands_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_demands" ADD CONSTRAINT "course_demands_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;