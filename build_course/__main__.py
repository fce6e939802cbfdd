from build_course.cli import run

run()
