"""Quizzes: the question kinds and the ``!!! question`` syntax authors edit."""
