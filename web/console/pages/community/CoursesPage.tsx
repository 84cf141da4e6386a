import { CourseDetail } from './courses/CourseDetail';
import { CourseList } from './courses/CourseList';

/** 课程培训 (`#/courses`, `#/courses/<id>`): the plans and courses, or one course as the service centre runs it. */
export function CoursesPage({ id }: { id?: number }) {
  return id ? <CourseDetail id={id} /> : <CourseList />;
}
