"""The only words the importer knows (its one table of cue words).

Structure is found from shape: numbering, indentation, repetition, line
length and punctuation. Where a word is the only signal (a heading that
announces an exercise, a line of share buttons), the word lives here, in one
table, so that an author can see and extend it. Every pattern is matched
case-insensitively against a whole line (or its start, where noted).
"""

import re

# A heading that starts an exercise (its numbered questions become a quiz), after
# any section number ("1.9 Exercises") or part label ("Part B: Exercises") and one
# qualifier ("Practical Exercise: ...", "Multiple Choice Questions", "Quick Quiz").
EXERCISE_HEADING = re.compile(
    r"^(?:[\d.]+\s+)?(?:(?:part|section)\s+[a-z\d]{1,3}\s*[:.\-–]\s+)?"
    r"(?:(?:practical|additional|optional|advanced|further|more|extra"
    r"|end[- ]of[- ](?:chapter|unit|lesson|module)|chapter|unit|lesson|module|scenario"
    r"|discussion|case study|study|multiple[- ]choice|objective(?:[- ]type)?"
    r"|(?:very )?(?:short|long)[- ]answer|essay(?:[- ]type)?|true[- ](?:or|/|and)[- ]?false"
    r"|quick|mini|pop|final|knowledge|assessment|revision|comprehension)\s+)?"
    r"(check for understanding|check your (?:progress|understanding)|exercises?|practice"
    r"|activity|quiz(?:zes)?|self[- ]?(?:check|test|assessment)|review (?:questions|exercises)"
    r"|chapter review|reading questions"
    r"|questions(?: and (?:exercises|answers|problems))?|worksheet|challenges?!?"
    r"|test your(?:self| knowledge| understanding| skills)|knowledge check|terminal questions"
    r"|sentences for translation|practice problems)\b",
    re.I,
)
# Exercise headings that a typo or a misread glyph put one letter off ("TERMINAL
# OUESTIONS") are still exercise headings, with a note: the phrases compared, whole.
EXERCISE_PHRASES = ("check your progress", "check your understanding", "terminal questions",
                    "review questions", "questions and exercises", "test your knowledge",
                    "test your understanding", "test your skills", "knowledge check",
                    "practice questions",
                    "self-assessment questions", "end-of-chapter questions")
# The answers of exercises named by the exercises' own words: "Exercise Solutions",
# "Review Question Answers", "Quiz Answer Key" (an answers heading, not an exercise).
EXERCISE_ANSWERS = re.compile(
    r"^(?:[\d.]+\s+)?(?:(?:selected|chapter|end[- ]of[- ]chapter|review|odd[- ]numbered)\s+)?"
    r"(?:exercises?|review questions?|questions?|quiz(?:zes)?|practice(?: problems)?|problems?"
    r"|self[- ]?(?:checks?|tests?)|check your progress|knowledge checks?)"
    r"\s+(?:answers?|answer keys?|solutions?|keys?)\s*:?$", re.I)
# A label that stands for a solution button ("Show me the solution", "Show answers"): the
# solution follows, so it becomes an answers label (an answers heading too).
SOLUTION_BUTTON = re.compile(r"^(show|reveal|view|see|check)( me)?( the)? (solution|answer)s?$",
                             re.I)
# A line that introduces the answer list of an exercise (or the book's answers).
ANSWERS_HEADING = re.compile(
    r"^(?:[\d.]+\s+)?(answers?|answer key|solutions?|key|model answers|suggested answers)"
    rf"(?:\s+(?:to|for)\b.*)?\s*[:.]?$|{EXERCISE_ANSWERS.pattern}|{SOLUTION_BUTTON.pattern}",
    re.I)
# A label that opens a one-line answer key: "Answers: 1 c, 2 b", "Key - 1. a 2. d" (start).
ANSWER_KEY_LABEL = re.compile(r"^(?:answers?|answer key|key|solutions?)\s*[:\-–]\s*", re.I)
# The answers to several exercises, not one: "Answers to Check Your Progress" (start).
ANSWERS_TO = re.compile(r"^(?:[\d.]+\s+)?(?:answers?|solutions?|key)\s+(?:to|for)\b", re.I)
# An exercise title whose unanswered questions ask for the learner's own work: a
# worksheet or a practical activity (searched); such questions are reflections.
WORKSHEET_HEADING = re.compile(
    r"\b(worksheet|practical(?! questions)|activity|activities|role[- ]?play)", re.I)
# A paragraph that a label opens as a task ("Exercise: Run it again.", "Question 2: Why?"):
# in Markdown, with a solution box after it, that paragraph is where the exercise starts.
EXERCISE_LEAD = re.compile(
    r"^(?:exercises?|questions?|tasks?|challenges?|problems?|try it(?: yourself)?|your turn)"
    r"(?:\s+\d{1,3}(?:\.\d{1,3})?)?\s*:\s*\S", re.I)
# A question's own label: "Question 3:", "Q3.", "Problem 2)", "Exercise 1.4:" (start).
QUESTION_LABEL = re.compile(
    r"^(?:question|q|problem|exercise|ex)\s*\.?\s*(\d{1,3})(?:\.\d{1,3})?\s*[:.)\-–]?\s*(.*)$",
    re.I)
# A numbered exercise that groups the questions after it: "Exercise 1.2." (start, or
# inside a line after a sentence's end).
EXERCISE_LABEL = re.compile(r"(?:exercise|ex\.)\s*\d{1,3}\.\d{1,3}\.?(?=\s|$)", re.I)
# An exercise title that says it asks questions (then a lone paragraph that ends with a
# question mark is one of them; searched).
QUESTIONS_TITLE = re.compile(r"question|quiz|self[- ]?check|check your|test|review|discussion",
                             re.I)
# A task's own statement in an activity: "Purpose: To practise ..." (start; the label goes).
TASK_LABEL = re.compile(r"^(?:purpose|task|aim|goal|scenario)\s*:\s*(?=\S)", re.I)
# An exercise title that names a task to do (without questions it is one task).
TASK_HEADING = re.compile(r"\b(exercises?|challenges?|activity|practical|assignment|task)\b",
                          re.I)
# A label over an activity's steps (numbered steps to do, not questions to answer).
STEPS_LABEL = re.compile(r"^(?:instructions|steps|procedure|directions for the activity)\s*:?$",
                         re.I)
# An answer given right after its question: "Answer: (b)", "Ans. True", "Solution:",
# "Correct answer(s): a, c" ("Answers: 1. b 2. c" is a key line: ANSWER_KEY_LABEL).
ANSWER_LABEL = re.compile(
    r"^(?:correct |model |suggested )?(?:answer|ans|solution)(?:\(s\))?\s*[:.\-–]\s*(.*)$",
    re.I)
# An answer's label with nothing after it, ending a question's prompt: a printed
# worksheet's line to write on ("... growth. Your answer:") (searched at the end).
EMPTY_ANSWER_LABEL = re.compile(r"(?<=[.?!:)])\s+(?:(?:write )?your )?answers?(?: here)?\s*:\s*$",
                                re.I)
# The same at the end of the question's own line, a letter or true/false only:
# "What is the speed of light? Ans. (c)" (searched at the end).
TRAILING_ANSWER = re.compile(
    r"\s+(?:correct )?(?:answer|ans)\s*[:.\-–]\s*"
    r"(\(?[a-h]\)?(?:\s*(?:,|&|and)\s*\(?[a-h]\)?)*|true|false)\s*\.?$", re.I)
# Any short answer after its question, labelled "Ans." or "Answer." (an old arithmetic
# book's "How many are left?   _Ans._ 53."): searched at the end; the gap before it is
# no table's column (SET_OFF_ANSWER, searched in a line as it stood).
TRAILING_VALUE_ANSWER = re.compile(r"(?<=[?.!])\s+_?(?:ans|answer)\._?\s+(\S.{0,40})$", re.I)
SET_OFF_ANSWER = re.compile(r"[?.!]\s{3,}_?(?:ans|answer)\._?\s+\S.{0,40}$", re.I)
# An instruction that makes the statements after it true/false questions.
TRUE_FALSE_INSTRUCTION = re.compile(r"\btrue\s*(?:or|/)\s*false\b|\b[TF]\s*(?:or|/)\s*[TF]\b",
                                    re.I)
# An instruction that makes the statements after it blanks to fill in (searched).
FILL_IN_INSTRUCTION = re.compile(r"\bfill in the (?:blanks?|gaps?|missing words?)\b"
                                 r"|\bcomplete the (?:following )?(?:sentences|statements)\b",
                                 re.I)
# A mark after an option that says it is the right one: "Paris ✓", "Paris (correct)".
MARKED_RIGHT = re.compile(r"\s*(?:[✓✔☑]|\((?:correct|right answer|answer)\)|\*)\s*$", re.I)
# A matching question: "Match each term with its meaning", "Match the following" (searched).
MATCH_INSTRUCTION = re.compile(
    r"\bmatch (?:the following|each|every|the (?:items|terms|words|columns?)|column)\b", re.I)
MATCH_HINT = "match "  # in every MATCH_INSTRUCTION (lowered): a quick test before the search
# An instruction that says several options may be right.
SELECT_ALL = re.compile(r"\b(?:select|choose|mark|tick|check) all\b"
                        r"|\bmore than one (?:answer|option)|\ball (?:that|which) apply\b"
                        r"|\b(?:select|choose|pick|mark|tick) (?:two|three|four|[234])\b", re.I)
# A quick test before searching a line for any of the three instructions above: in a
# line of ASCII, lowered, none of them can match without one of these (each searched in
# turn; each cue is a word or two of one of them). The usual line holds none. Each starts
# with fixed text, which the regex engine skips to many times faster than it tries an
# alternation (a|b|c) at every character.
INSTRUCTION_HINTS = tuple(re.compile(hint) for hint in (
    "true", r"all\b", "fill in", "complete the", "more than", r"or\s*[tf]\b", r"/\s*[tf]\b",
    *(rf"{end} (?:two|three|four|[234])\b"  # "(Choose two.)": choose, select, pick, mark
      for end in ("ose", "ect", "ick", "ark"))))
# Key words for true and false in an answer key.
# A question that asks which, what, where...: its one-word key ("right", "no") is
# its answer, never the verdict of a true-or-false statement.
WH_QUESTION = re.compile(r"^(which|what|where|when|who|whom|whose|why|how)\b", re.I)
TRUE_WORDS = frozenset({"true", "t", "yes", "correct", "right"})
FALSE_WORDS = frozenset({"false", "f", "no", "incorrect", "wrong"})
# A question with no right answer: the learner's own experience, opinion or plans
# (searched). Without an answer and without these, a question is open.
REFLECTION_PROMPT = re.compile(
    r"\b(?:your (?:own|experience|opinion|views?|life|work(?:place)?|organi[sz]ation|company"
    r"|community|family|school|feelings?|plans?|goals?|team)|in your (?:view|opinion)"
    r"|do you (?:think|feel|believe)|would you|have you (?:ever)?|you (?:regard|consider"
    r"|think|feel|believe|have (?:seen|experienced))|think (?:of|about) a|recall a|reflect"
    r"|describe a time|try to identify|identify (?:some|two|three|four|five|at least)"
    r"|practi[cs]e (?:using|the|all|with|operating)|role[- ]?play|discuss with"
    r"|interview|visit a|observe a)", re.I)
# A heading whose list is the lesson's objectives.
GOALS_HEADING = re.compile(
    r"^(lesson goals|goals|objectives|learning objectives|learning outcomes"
    r"|in this lesson|you will learn)\s*:?$", re.I)
# A heading whose list is a reading list (rendered as references).
READINGS_HEADING = re.compile(
    r"^(relevant readings?|readings?|references?|further reading|bibliography|sources)\s*:?$",
    re.I)
# A heading whose lists are activities to do, not questions to answer.
ACTIVITIES_HEADING = re.compile(r"\bactivities\b", re.I)
# An exercise's duration line: "Duration: 5 to 10 minutes."
DURATION = re.compile(r"^(duration|time|estimated time)\s*:\s*(.+?)\s*$", re.I)
# A definition line: "Definition: text".
DEFINITION = re.compile(r"^(definition)\s*:\s*(.+)$", re.I)
# A document's title given as a field among its first lines: "Unit title: Safe food
# handling", "Course title - Basic first aid", "Title: Map reading" (not a licence
# header's "Title:", which BOOK_TITLE_FIELD reads).
TITLE_FIELD = re.compile(
    r"^(?:(?:unit|course|module|lesson|session|workshop|document|programme|program)\s+)?"
    r"title\s*[:\-–]\s*(?P<title>\S.{0,100})$", re.I)
# A lesson title line: "Lesson: Title", "Chapter 3 - Title", "Module 2: Title".
TITLE_LABEL = re.compile(
    r"^(?:.*\s)?(lesson|chapter|module|unit|part)\s*(\d+)?\s*(?:[:.\-–—]\s*(.*))?$", re.I)
# An answer that says there is no single right answer: the rest is a model answer.
OPEN_ANSWER = re.compile(r"^answers? (will|may|can) vary\b", re.I)
# Words that make up a line of share buttons copied with a web page.
SHARE_WORDS = frozenset(
    "facebook twitter x linkedin pinterest reddit email e-mail share tweet whatsapp"
    " print copy link tumblr".split())
# Speaker names that are really labels, never dialogue turns.
NOT_SPEAKERS = re.compile(
    r"^(note|tip|warning|example|definition|duration|time|answer|answers|question"
    r"|scenario|questions|source|step \d+|case \d+|lesson|chapter|module|unit|part"
    r"|purpose|instructions|practical exercises?|exercises?|activity|objectives?|materials"
    r"|procedure|safety note)$", re.I)
# A page number on a line of its own: "8", "Page 3 of 10", "- 4 -", "xii".
PAGE_NUMBER = re.compile(
    r"^(page\s+)?(\d{1,4}|[ivxlcdm]{1,6})(\s*(of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.I)
# A lead-in that names who is quoted next: "... a quote by Peter Drucker, ...:" (searched).
QUOTE_BY = re.compile(r"\bby ([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})")
# Counted lead-ins ("the four steps are as follows:"): the number words, and the pattern.
NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten".split())}
COUNTED = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d)\s+\w+", re.I)
# A lead-in that names steps (searched): counted or numbered, their order is the
# lesson's, and a generated question may ask which step comes after another.
STEPS_NAMED = re.compile(r"\b(steps|stages|phases)\b", re.I)
# What a lead-in says its list holds, by kind ("Here are some tips for ...",
# "... has some disadvantages as well:"). A generated "which of these is one of
# them?" takes distractors only from a list of another kind, and never advice
# for traits or the other way round: in a course on one subject, another list's
# tips are often true of this one's too.
LIST_KINDS = {word: kind for kind, words in {
    "advice": "tips ways guidelines points steps stages phases strategies methods rules"
              " etiquettes netiquettes suggestions techniques practices things actions habits"
              " dos",
    "trait": "characteristics qualities skills features traits attributes",
    "good": "advantages benefits pros strengths",
    "bad": "disadvantages drawbacks cons weaknesses risks mistakes problems",
    "cause": "causes reasons factors sources",
    "sort": "categories types kinds forms",
    "case": "scenarios situations examples cases signs symptoms",
}.items() for word in words.split()}
CLOSE_KINDS = frozenset({"advice", "trait"})
# An item that reads as advice whatever its list ("You have to attend to the
# customer", "Training is essential"): never a distractor among advice (searched).
PRESCRIPTIVE = re.compile(r"\b(must|should|have to|has to|needs? to|essential|important"
                          r"|always|never)\b", re.I)
# After these, a verb in -ing is never a generated blank ("in addressing a
# complaint": handling, resolving would do as well).
PREPOSITIONS = frozenset(
    "about after at before by for from in into of on through to with without".split())
# Small words that stay lower case in a title ("Handling of Complaints").
SMALL_WORDS = frozenset(
    "a an the and or but nor for of on in at to by with from into over as is are be vs via per"
    " than that its it up out off".split())

# ---- web pages dumped or copied as text (lynx, w3m, a browser) -----------
# A whole line of site furniture: skip links, buttons, view switches, footers.
WEB_CHROME = re.compile(
    r"^(skip (to|navigation)\b.*|\(button\).*|toggle (theme|navigation|menu|sidebar)( home)?"
    r"|main menu|search( this site| book| the .*)|search results:?|no results\.?"
    r"|back to top|top of page|expand all( solutions)?|collapse all|print this page"
    r"|edit (on github|this page)|view (page )?source|view this page on github"
    r"|report a problem( with this (content|page))?|yes ?no|(previous|next|prev|up|home)"
    r"(\s*[|/·]?\s*(previous|next|prev|up|top|home|index|contents))*"
    r"|(previous|next|prev)( (post|page|article|entry|topic|tutorial))?"
    r"\s*:.*|sign in|log ?in|sign up|subscribe"
    r"|advertisement|sponsored( content)?"
    r"|(was|is) this (page|article|post|lesson|tutorial|guide|answer) (helpful|useful)"
    r"( to you)?\??|help (us )?improve( [\w.-]+){0,3}|learn how to contribute\.?"
    r"|did (you find )?this (page|article|lesson) help(ful)?( you)?\??|rate this (page|article))$",
    re.I)
# The relations of a page's <link> elements that lynx prints on its first line
# ("#prev next", "#[1]alternate [2]index"): a dump's own mark.
LINK_RELATIONS = frozenset(
    "alternate author bookmark canonical chapter contents copyright first glossary help home "
    "icon index last license next prev previous search section start stylesheet subsection "
    "top up".split())
# A page's credit to its author, right above its footer: "By The Garden Club".
# A credit line: under a text's title, never a heading ("Compiled by the Garden
# Society"); on a web page, the author's above its footer ("By Ann Lee").
CREDIT_LINE = re.compile(r"^(by|(written|authored|compiled|edited|prepared|produced|published"
                         r"|translated|collected|adapted) by)\s+\S", re.I)
# A footer line: copyright, "built with", licences of the site's template.
WEB_FOOTER = re.compile(
    r"^(©|\(c\)|copyright\b|built with\b|made with\b|powered by\b|generated by\b"
    r"|last updated\b|this page was last (edited|modified|updated)\b"
    r"|(text|content) is available under\b|retrieved from\s+[\"“]?[a-z]+://"
    r"|this (lesson|site|page|book) is (subject to|licensed)|template licensed\b"
    r"|all rights reserved|(posted|published|written) (on|by|in)\b)", re.I)
# A wiki's link to edit a section, glued to its heading: "Uses[edit]".
EDIT_LINK = re.compile(r"\s*\[(edit|edit source|change|change source)"
                       r"(\s*\|\s*(edit|edit source|change|change source))*\]$", re.I)
# A sidebar's heading after the page's text: its lists and all after it go.
WEB_SIDEBAR_HEADING = re.compile(
    r"^(recent posts|recent comments|related (posts|articles)|popular posts|categories"
    r"|archives|tags|tag cloud|meta|blogroll|follow us|newsletter|subscribe to .*)\s*:?$", re.I)
# A line of a cookie notice, and the buttons that close it.
COOKIE_NOTICE = re.compile(r"\bcookies?\b.*\b(accept|consent|agree|use|policy)\b"
                           r"|\b(we|site|website|page) uses? cookies\b", re.I)
COOKIE_BUTTONS = re.compile(r"^(accept( all)?( cookies)?|got it|ok(ay)?|i agree|decline"
                            r"|reject( all)?|manage (cookies|preferences)|cookie settings)$",
                            re.I)
# The heading of reader comments under a page: they and all after them go.
COMMENTS_HEADING = re.compile(
    r"^((\d+|one|two|three|four|five)\s+(comments?|responses?|replies|thoughts?)( on\b.*)?"
    r"|(leave|post|add) a (comment|reply)"
    r"|reader comments|join the discussion|comments?\s*\(\d+\))\s*:?$", re.I)
# A solution's title that names its exercise: "Solution to Exercise 4.1" (sphinx-exercise).
SOLUTION_TO = re.compile(r"^(?:solution|answer)s?\s+(?:to|for)\s+(?P<label>\S.{0,40})$", re.I)
# A question label standing alone in a table cell: "Question 3:".
QUESTION_CELL = re.compile(r"^(question|exercise|problem|q)\s*(\d{1,3})\s*[:.]?$", re.I)
# A page's byline under its title, never a heading: "By Ann Lee · 3 May 2024 · 6 min read",
# "Last updated: 12/03/2024" (start; the line must also hold a date or a reading time).
BYLINE = re.compile(
    r"^(?:by|written by|posted by|posted on|published(?: on| by)?|updated|last updated"
    r"|last modified|last reviewed)\b(?=.*(?:\b(?:19|20)\d\d\b|\bmin(?:ute)?s? read\b))", re.I)
# A box's kind printed as a label line above the box's own title (a lesson
# page's callouts: "Challenge" over "Creating files", "Callout" over "Tip"):
# the label goes; an exercise's label (EXERCISE_HEADING) makes the title an exercise's.
WEB_BOX_LABEL = re.compile(
    r"^(callout|challenge|exercise|discussion|prerequisites?|checklist|testimonial|caution"
    r"|warning|note|tip|hint|spoiler|instructor note|key ?points)$", re.I)
# Lesson-metadata headings that may stand between a page's title and its text.
PAGE_METADATA_HEADING = re.compile(
    r"^(overview|questions|objectives|learning objectives|prerequisites|teaching"
    r"|instructor note|key ?points)\s*:?$", re.I)

# A code block's language or role printed above it, when it stands between two blocks of
# code (html2text runs them together): "OUTPUT" after the code that printed it.
CODE_LABELS = frozenset(
    "bash shell sh console output error python r sql julia cpp c javascript js html css yaml"
    " json make matlab".split())
# A hint given inside an exercise, on a line of its own: "Hint: indices can be negative" (start).
HINT_LABEL = re.compile(r"^hints?\b\s*:?", re.I)
# A box's title that is only a hint's label ("Hint", "Hint 2:"): the box helps, it does not answer.
HINT_TITLE = re.compile(r"^hints?(?:\s*\d{1,2})?\s*:?$", re.I)
# A lesson page's timing line, in its overview: "Teaching: 30 min", "Exercises: 0 min".
LESSON_TIMES = re.compile(
    r"^(teaching|exercises|duration|time)\s*:\s*\d+\s*(min|minutes|h|hours)\.?$", re.I)
# A program's error message as it prints it: "IndexError: list index out of range" (start).
PROGRAM_MESSAGE = re.compile(r"^[A-Z]\w*(Error|Exception|Warning): \S")
# The lesson-metadata heading whose items close a lesson page (its key points).
KEY_POINTS_HEADING = re.compile(r"^key ?points\s*:?$", re.I)

# ---- PDF extractions --------------------------------------------------------
# Page furniture that is never a title: a footer such as "Internal use only".
BOILERPLATE = re.compile(
    r"\b(internal use|use only|confidential|proprietary|draft|do not (copy|distribute)"
    r"|all rights reserved|copyright|printed on|page \d+|intentionally left blank)\b", re.I)
# A heading whose "term: definition" lines are a glossary (paragraphs), not a list.
GLOSSARY_HEADING = re.compile(r"\b(glossary|key (words|terms)|keywords|definitions|vocabulary"
                              r"|terms to know)\s*:?$", re.I)
# A converter's page break marker: "--- Page 3 ---", "[Page 3]", "<page 4>", "== 5 of 9 ==".
PAGE_MARKER = re.compile(
    r"^[-=#*<\[(_~ ]*(page|pg\.?|p\.)\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?[-=#*>\])_~ ]*$"
    r"|^[-=#*_~]{2,}\s*(\d{1,4}(\s*(of|/)\s*\d{1,4})?)?\s*[-=#*_~]{2,}$", re.I)
# A converter's wrapper line before or after the text: "--- Begin of file report.pdf ---",
# "==> report.pdf <==", "<document>", "[End of extracted text]", a fence "```".
CONVERTER_WRAPPER = re.compile(
    r"^[-=#*<>\[(_~ ]*(begin(ning)?|start|end)\s+(of\s+)?(the\s+)?(file|document|text|page|"
    r"pdf|extract(ed|ion)?|extracted text|content)\b.*$"
    r"|^==>\s*\S.*\.pdf\s*<==$|^</?(document|text|page|content|pdf)(\s[^>]*)?>$|^`{3,}\w*$",
    re.I)
# The heading of a contents list (in a PDF extraction, often left empty by the converter).
# The label over a page's own table of contents, copied without list marks.
CONTENTS_LABEL = re.compile(r"^((table of )?contents|on this page|page contents|jump to"
                            r"|in this (article|page|post|lesson|tutorial|guide|chapter|section))"
                            r"\s*:?$", re.I)
CONTENTS_HEADING = re.compile(r"^(table of )?contents\s*[:.]?$", re.I)
# A contents entry's page reference on a line of its own: "Page 4-5", "pp. 12–14", "7".
PAGE_REFERENCE = re.compile(r"^(?:pages?|pg\.?|pp?\.)?\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?$", re.I)
# A heading's mark that it goes on from the page before: "Basic Anatomy (Continued)".
CONTINUED = re.compile(r"\s*[(\[]?\s*(continued|cont'?d\.?)\s*[)\]]?\s*$", re.I)
# A figure's or a table's caption: "Figure 6.2 : The Product Life Cycle" (a line of text).
CAPTION = re.compile(r"^(figure|fig\.|table|chart|exhibit|diagram|illustration)\s*\d+(\.\d+)*\b",
                     re.I)

# A cue word anywhere in a Markdown heading ("Advanced Exercises") makes
# it the title of the exercises that its section holds.
EXERCISES_WORD = re.compile(
    r"\b(exercises?|quiz(zes)?|challenges?|practice|problems|questions|self[- ]?check)\b", re.I)
# Markdown from other course tools names its boxes: a Carpentries div
# (``::: challenge``), a kramdown class (``{: .challenge}``), a MyST directive
# (```` ```{exercise} ````). Compared with the lower-cased name.
# Boxes whose text is an exercise (their first heading is its title):
MD_EXERCISES = frozenset("challenge exercise problem practice quiz question".split())
# Exercises with no right answer (a discussion): reflection questions.
MD_REFLECTIONS = frozenset(["discussion"])
# Boxes that hold the answer of the exercise around them or before them:
MD_SOLUTIONS = frozenset("solution answer answers".split())
# Boxes that are the lesson's metadata: "objectives" become its objectives;
# the others (questions it answers, key points) are left out, with a note.
MD_METADATA = frozenset("objectives keypoints questions".split())
# Boxes for teachers only: left out, with a note.
MD_HIDDEN = frozenset(["instructor", "instructor-note", "instructor_note", "facilitator"])
# A challenge's solution that names the right one of its numbered options:
# "2 is correct", "**4** is the correct answer", "Option 3 is the solution",
# "The correct answer is 4.", "Answer: 3" (group 1: the option's number).
MD_OPTION_PICKED = re.compile(
    r"^(?:(?:the )?(?:correct |right )?(?:answer|solution)(?: is)?\s*:?\s*)?"
    r"(?:option |number |choice )?\(?(\d)\)?"
    r"(?:\.?$|\.\s|\s*[:)]\s|\s+is\s+(?:the\s+)?(?:correct|right|true|answer|solution)\b)",
    re.I)
# A solution that gives a verdict on each numbered option, in a numbered list
# of its own: "1. No: ...", "2. Yes: ...", "3. Is correct: ..." (group 1: the
# verdict word).
MD_VERDICT = re.compile(
    r"^(?:(?:this|it|that)\s+)?(?:(?:is|was)\s+(?:the\s+)?)?"
    r"(yes|no|correct|incorrect|right|wrong|true|false)\s*[:.,;!\u2013\u2014-]", re.I)
MD_VERDICT_YES = frozenset("yes correct right true".split())
# A LiaScript course opens with an HTML comment of "key: value" lines: two of
# these keys, one of them LiaScript's own, say that the text is one.
LIASCRIPT_KEYS = frozenset(
    "author email version language narrator comment logo icon import script link mode"
    " translation attribute onload dark tags date repository".split())
LIASCRIPT_OWN_KEYS = frozenset(
    "narrator import script link logo icon mode translation attribute onload dark".split())
# Directives that publish nothing a learner reads as text (an index entry,
# a raw HTML header, a table of contents, an image file we do not have).
MD_DROPPED = frozenset(
    "raw index toctree include bibliography image figure tableofcontents contents glue"
    " iframe youtube".split())

# ---- plain-text books (Project Gutenberg and the like) -------------------
# The lines that open and close a licence block around the book: everything
# before the opening line and after the closing one is not the book.
LICENCE_START = re.compile(r"^\*{3}\s*start of\b.*\*{3}$|^\*end\*\s*the small print\b", re.I)
LICENCE_END = re.compile(r"^\*{3}\s*end of\b.*\*{3}$", re.I)
# The line that closes the book just before LICENCE_END: "End of the ... EBook".
LICENCE_CLOSING = re.compile(r"^end of (the |this )?.{0,60}\be-?(book|text)\b", re.I)
# The book's title in the licence header: "Title: Health Lessons".
BOOK_TITLE_FIELD = re.compile(r"^title:\s*(?P<title>\S.{0,100})$", re.I)
# A credits paragraph right after the licence block: "Produced by ...".
CREDITS = re.compile(r"^(produced by|prepared by|transcribed by|e-?text prepared by)\b", re.I)
# A chapter line on its own: "CHAPTER I", "Lesson 5.", "PART II". The title
# may follow on the next line. ("Book I" is left out: title pages say it.)
_ORDINAL = (r"(?:(?:twenty|thirty|forty|fifty)-?)?(?:first|second|third|fourth|fifth|sixth"
            r"|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
            r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth"
            r"|fiftieth")
CHAPTER_MARKER = re.compile(
    r"^(chapter|lesson|part|unit|lecture)\s+(?:the\s+)?([ivxlcdm]{1,7}|\d{1,3}|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|" + _ORDINAL + r")\.?$"
    r"|^(?:the\s+)?(?:" + _ORDINAL + r")\s+(chapter|lesson|part|unit|lecture)\.?$", re.I)
# Other words a book divides itself by, numbered on a line alone ("PAPER I.", "BOOK II.",
# "SECTION III.", "STUDY 4"): chapter lines only where a book has no CHAPTER_MARKER
# lines and numbers them on from 1 (passes_book._division_markers).
BOOK_DIVISION_MARKER = re.compile(
    r"^(paper|book|section|study|talk|session|week|day|stage|grade|reader)\s+"
    r"([ivxlc]{1,7}|\d{1,3})\.?$", re.I)
# The same with its title on the line: "CHAPTER IV. THE SENSES", "Lesson 3: Verbs".
CHAPTER_MARKER_TITLED = re.compile(
    r"^(?P<label>(chapter|lesson|part|unit|lecture)\s+([ivxlcdm]{1,7}|\d{1,3}))\s*[.:—–-]+\s*"
    r"(?P<title>\S.{1,80})$", re.I)
# A chapter line with its title that opens a page of a PDF: "Chapter Two: Field
# Tests", "MODULE 3 - Radios" (the number in words too).
CHAPTER_OPENING_TITLED = re.compile(
    r"^(?P<label>(chapter|lesson|part|unit|lecture|module)\s+(\d{1,3}|[ivxlcdm]{1,7}|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*[.:—–-]+\s*"
    r"(?P<title>\S.{1,80})$", re.I)
# A book's contents list's heading: CONTENTS_HEADING, or a list of chapters
# named as some books name it at the front ("INDEX.", "Table des matières").
BOOK_CONTENTS_HEADING = re.compile(
    r"^(?:(?:table of )?contents|index|table des mati[eè]res|sommaire|inhalt(?:sverzeichnis)?"
    r"|[íi]ndice)\s*[:.]?$", re.I)
# The heading of a book's index at its end (its entries point to printed pages).
BOOK_INDEX_HEADING = re.compile(r"^(?:general |subject )?index\.?$", re.I)
# The words of a contents list's column headings (CONTENTS_HEADING: above).
CONTENTS_COLUMNS = frozenset(
    "chapter chapters chap page pages p pp part section lesson no paragraph paragraphs".split())
# Placeholders for what the text does not hold: "[Illustration: caption]",
# "[Music illustration]".
ILLUSTRATION = re.compile(
    r"^\[(?:[a-z]+ )?(illustration|figure|image|diagram|plate)\b:?\s*", re.I)
# A transcriber's note: about the edition, not the book's content.
TRANSCRIBER_NOTE = re.compile(r"^\[transcriber'?s'? note\b", re.I)
# A printed page's number kept in an e-text: "[Pg 12]", "[Page 7]", "{12}" (searched).
PRINTED_PAGE = re.compile(r"\s?\[(?:pg|page|p\.)\s?[ivxlc\d]{1,5}\]|\{\d{1,4}\}", re.I)
# A footnote set in brackets after its paragraph: "[Footnote 1: See ...]" (start).
FOOTNOTE_BLOCK = re.compile(r"^\[footnote\s*([a-z\d]{0,3})\s*:\s*", re.I)
# The line over a chapter's footnotes ("FOOTNOTES:"): a label, never a section.
FOOTNOTES_HEADING = re.compile(r"^(?:foot-?notes?|notes)\s*[:.]?$", re.I)
# The same as a heading of its own, unbracketed: "Transcriber's Notes:" (whole line).
TRANSCRIBER_HEADING = re.compile(r"^transcriber[’']?s[’']? notes?\s*[:.]?$", re.I)
# A note printed in the margin, set in the text where it stood: "[Sidenote: Fuel.]".
SIDENOTE = re.compile(r"^\[(?:sidenote|side-note|marginal note|margin note)\s*:\s*", re.I)
# Exercise headings used by older textbooks.
BOOK_EXERCISE_HEADING = re.compile(
    r"^(practical questions|questions for (review|study|discussion)|sentences for translation"
    r"|translation exercises?|drill|examination questions)\b\.?", re.I)

# ---- worksheets and workbooks ---------------------------------------------
# A form field with its blank: "Name: ________", "Date ....", "Class: ___" (searched).
FORM_FIELD = re.compile(
    r"\b(name|student( name)?|date|class|period|teacher|instructor|group|school|grade|score"
    r"|course|section|id|(learner|trainee|candidate)( name)?|signature|trainer|assessor"
    r"|supervisor)\s*(#|no\.?)?\s*:?\s*[_.…]{3,}", re.I)
# A note for the facilitator only: "Facilitator use only", "Teacher's notes:",
# "Note to the instructor:".
FACILITATOR_NOTE = re.compile(
    r"^[\[(]?\s*(for (the )?)?"
    r"(facilitator|instructor|teacher|trainer|tutor|leader|assessor|examiner)('?s)?"
    r"\s*(use only|only|notes?|guide|answers?|key)\b"
    r"|^[\[(]?\s*notes? (for|to) (the )?(facilitator|instructor|teacher|trainer|tutor)\b"
    r"|^[\[(]?\s*for (the )?(facilitator|instructor|teacher|trainer|tutor|assessor)s?"
    r"\s*[:)\]]?\s*$", re.I)  # "For the trainer" alone on its line

# The words a worksheet offers for its blanks: "Word bank: roots, stem, leaves" (start).
WORD_BANK = re.compile(r"^(?:word (?:bank|box|list)|words to use|use these words"
                       r"|choose from these words)\s*:", re.I)
# The choices a worksheet prints after a statement for the learner to circle: "T / F",
# "True / False", "Yes / No" (searched at the line's end).
CIRCLE_CHOICES = re.compile(r"\s(?:T\s*/\s*F|True\s*/\s*False|Yes\s*/\s*No)\s*$", re.I)

# ---- question-and-answer texts (catechisms, FAQs) --------------------------
# The labels of a question and of its answer: "Q: ...?", "Question 3. ...?", "A: ...".
QA_QUESTION_LABEL = re.compile(
    r"^(\d{1,4}[a-z]?[.)]\s+)?(q|ques|question)\s*\d{0,3}\s*[:.)]\s+(?=\S)", re.I)
QA_ANSWER_LABEL = re.compile(
    r"^_?(a|ans|answer)\s*\d{0,3}\s*[:.)]_?(?:\s+|\s*(?:--|—|–)\s*)(?=\S)", re.I)  # "Ans.--"
# The answer's label alone on its line, the answer under it ("A:").
QA_ANSWER_ALONE = re.compile(r"^(a|ans|answer)\s*\d{0,3}\s*[:.)]$", re.I)

# ---- generated self-checks -----------------------------------------------
# Function words: never the blank of a generated fill-in-the-blank question, and a
# lead-in that ends in one ("ways of doing this") names nothing a learner can recall.
FUNCTION_WORDS = frozenset(
    "about above after again against also because been before being below between both"
    " cannot could does doing down during each either every from further have having here"
    " however into itself just many might more most much must never only other ought over"
    " same should some such than that their them then there these they this those through"
    " under until very what when where whether which while whom whose will with within"
    " without would your yours".split())
VAGUE_ENDINGS = frozenset("this that these those it them so".split())
# Front matter keys that other course tools write (Jupyter Book/MyST,
# Carpentries, Jekyll, R Markdown/learnr, Quarto, Docusaurus): a .md file in
# source/ that has one was not written with 'build-course new' and is imported.
FOREIGN_FRONT_MATTER = frozenset(
    "jupytext kernelspec jupyter myst mystnb execute layout permalink teaching exercises"
    " questions objectives keypoints output runtime tutorial format nav_order parent"
    " grand_parent has_children sidebar_position sidebar_label slug".split())
