"""Building lessons (segmenting, exercises, heading levels) fast: each cheap
pre-check finds whatever the slow search it guards finds."""

from __future__ import annotations

from build_course.importer import cues, exercises, segmenting, structuring
from build_course.importer.exercises import _Piece

INSTRUCTIONS = [
    "Select all that apply.", "Tick all the boxes that are right.", "CHOOSE ALL correct options",
    "There may be more than one answer.", "Mark every statement True or False.",
    "true/false: the moon is made of rock", "Answer T or F for each.", "(T/F)", "t / f",
    "TorF", "Fill in the blanks with a word from the list.", "Complete the sentences below.",
    "Complete the following statements:", "Write all which apply",
    "Vrai ou faux ? True or false, Ÿ", "Fıll in the gaps", "Fill in the missing words: ____",
]
PROSE = [
    "The hive is opened in spring.", "Bread rises when the yeast is warm",
    "Was it a trueish story, or fiction?", "Small coins fall through the floor.",
    "Café au lait — served with brioche.", "", "3. How many legs has a spider?",
    "For the first task, sort the recipes.", "Forty-two crates went or stayed",
]


def test_the_instruction_hint_misses_no_instruction():
    for text in INSTRUCTIONS + PROSE:
        cued = bool(exercises._INSTRUCTION_CUE.search(text))
        assert exercises._instruction_cued(text) == cued, text
        assert exercises._select_all(text) == bool(cues.SELECT_ALL.search(text)), text
    assert all(exercises._instruction_cued(text) for text in INSTRUCTIONS)


def test_only_a_number_or_a_label_can_start_a_question():
    starts = ["3. Name the planets.", "(4) Why does ice float?", "Question 2: What is rust?",
              "q7. Which gas?", "Problem 3) Add 4 and 5.", "Exercise 2: Draw a map.",
              "Ex 5. Spell 'harbour'.", "12) Count the sheep.",
              "1.35 Pet names. The city keeps a list of them"]
    for text in starts:
        assert exercises._question_start(_Piece(text, 1)) is not None, text
    for text in ("What is rust?", "Explain how a pump works.", "- a dash", "", "Why 3. Then"):
        assert exercises._question_start(_Piece(text, 1)) is None, text


def test_the_exercise_label_check_keeps_labels_that_follow_a_sentence():
    pieces = exercises._split_labels([_Piece("Add the rows. Exercise 1.2. Now sum them.", 4)])
    assert [p.text for p in pieces] == ["Add the rows.", "Exercise 1.2. Now sum them."]
    assert len(exercises._split_labels([_Piece("Add the rows. Exercise 12. Now sum.", 4)])) == 1


def test_the_footnote_hint_finds_every_mark():
    for text in ("the word “company”1 That is", 'a "quote"2 and', "at the end.3 Then",
                 "one,4 two", "A list;12 more", "a quote’٣ in another script"):
        assert structuring._FOOTNOTE.search(text), text
        assert structuring._FOOTNOTE_HINT.search(text), text
    assert not structuring._FOOTNOTE_HINT.search("version 3 of 4 (2015)")


def test_misspelt_cues_by_length_are_the_phrases_in_their_order():
    for n, phrases in segmenting._PHRASES_NEAR.items():
        assert list(phrases) == [p for p in cues.EXERCISE_PHRASES if abs(len(p) - n) <= 1]
    assert segmenting.misspelt_cue("Chek your progress") == "check your progress"
    assert segmenting.misspelt_cue("2.4 Review Qestions:") == "review questions"
    assert segmenting.misspelt_cue("Review questions") == ""


def test_similar_answers_with_quick_ratios():
    assert exercises._similar("The harbour wall", "the harbour wall.")
    assert exercises._similar("Sodium chloride", "sodium chlorid")
    assert not exercises._similar("Sodium", "Sodium chloride and water")
    assert not exercises._similar("abc", "cab")


def test_an_answer_key_list_needs_a_list_right_before_it():
    from build_course.model import ListBlock, ListItem, Paragraph

    questions = ListBlock([ListItem("Name a fruit?", 1, 1), ListItem("Name a tree?", 2, 2)],
                          1, ordered=True)
    key = ListBlock([ListItem("b", 3, 1), ListItem("a", 4, 2)], 3, ordered=True)
    assert exercises._key_after(questions, key)
    assert not exercises._key_after(key, Paragraph("Then", 5))
    longer = ListBlock([*key.items, ListItem("c", 5, 3)], 3, ordered=True)
    assert not exercises._key_after(questions, longer)


def test_the_match_hint_misses_no_matching_question():
    for text in ("Match the following.", "MATCH EACH word with its meaning", "Match column A",
                 "match every tool to its use", "Mátch the terms", "We watch the match today",
                 "The colours match each other", "Matching pairs"):
        assert exercises._asks_to_match(text) == bool(cues.MATCH_INSTRUCTION.search(text)), text


def test_a_dialogue_needs_a_capitalised_speaker():
    from build_course.model import Dialogue, Line

    lines = [Line("Baker: The loaves are cooling.", 1), Line("Ana: May I have two?", 2),
             Line("end", 3)]
    found = segmenting.dialogue(lines, 0)
    assert found and isinstance(found[0], Dialogue) and found[1] == 2
    lower = [Line("baker: the loaves are cooling.", 1), Line("Ana: May I have two?", 2)]
    assert segmenting.dialogue(lower, 0) is None


def test_a_digit_is_found_before_the_footnote_search():
    for text in ("no digits here", "one 1", "zero 0 and nine 9", "٣ eastern", "x9"):
        assert structuring._may_hold_a_digit(text) == (not text.isascii()
                                                       or any(c.isdigit() for c in text)), text


def _one_off_by_scan(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:] if len(a) < len(b) else a[i + 1:] == b[i:]


def test_one_letter_off_with_its_quick_test():
    import itertools

    words = ["".join(p) for n in range(0, 5) for p in itertools.product("ab", repeat=n)]
    for a, b in itertools.product(words, repeat=2):
        assert segmenting._one_off(a, b) == _one_off_by_scan(a, b), (a, b)
    assert segmenting._one_off("review qestions", "review questions")


def test_title_case_strict():
    assert structuring.title_case_strict("The Art of Baking Bread".split())
    assert structuring.title_case_strict("(Optional) Sorting the Mail 2".split())
    assert not structuring.title_case_strict("Sorting the mail".split())
    assert not structuring.title_case_strict("ǅemal Tours".split())


def test_a_list_item_that_may_name_a_heading_is_kept_for_the_look():
    starts = {structuring._norm(t)[:3] for t in ("Loading the Van", "Go", "É", "")}
    for item in ("Loading the van:", "loading THE van", "Go", "É tudes", "(Loading) the van",
                 "_lo", "éclair"):
        assert structuring._lead(item) in starts | {""}, item  # (its lead may be a heading's)
    for item in ("Unloading the van", "Going home", "Van loading"):
        assert structuring._lead(item) not in starts | {""}, item
        assert structuring._norm(item) not in {structuring._norm(t) for t in ("Loading the Van",
                                                                              "Go", "É", "")}


def test_a_speaker_has_three_words_at_most():
    from build_course.model import Line

    lines = [Line("Mrs Ann Lee: Good morning.", 1), Line("Tom: Hello!", 2), Line("x", 3)]
    assert segmenting.dialogue(lines, 0)
    long = [Line("Mrs Ann Lee Smith: Good morning.", 1), Line("Tom: Hello!", 2)]
    assert segmenting.dialogue(long, 0) is None


def test_the_key_hint_misses_no_pair_of_keys():
    for text in ("1. b 2. c", "1 c, 2 b, 3 a", "i) True ii) False", "1-a; 2-(d)", "4) true 5) f",
                 "Answers: 1 (a) 2 (c).", "I a II b", "1.b 2.c", "vi. d vii. e", "10 T 11 F",
                 "one key: 1 b", "The taxi a b c", "1 a", "Buy 2 eggs and 3 apples",
                 "1 – a 2 – b", "١ a ٢ b"):
        keys = len(exercises._KEY_PAIR.findall(text)) >= 2
        assert not keys or exercises._may_hold_keys(text), text
    assert not exercises._may_hold_keys("The hive is opened in spring, in the morning.")
