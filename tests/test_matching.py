"""Question matching as residents type: spacing, particles, colloquial words, typos, English.
These phrasings are our own; the labelled dev set is scored separately by score_qa.py."""

from __future__ import annotations

import pytest

from bot.answers import MAX_CHARS
from bot.english import english_word
from bot.normalize import Query, asks_in_past_tense, ends_in_past_tense, jamo


@pytest.mark.parametrize(
    ("question", "program", "needle"),
    [
        ("공공근로 하루 임금", "public_works", "7,530원"),
        ("공공근로시급얼마임", "public_works", "7,530원"),
        ("2017년 공공근로 일당은 얼마였어요", "public_works", "39,000원"),
        ("공공 근로 재학생도 할수있나요", "public_works", "재학생"),
        ("지역공동체일자리 시금", "community_jobs", "45,180원"),
        ("공동체 일짜리 재산 기준", "community_jobs", "2억원"),
        ("뉴딜 몇 살까지 돼요", "seoul_new_deal", "39세"),
        ("청년 인턴 회사 지원 금액", "sme_youth_intern", "100만원"),
        ("사회적경재 지원센터 위치", "social_economy_center", "선유동1로 80"),
        ("마을기업 2차년도 지원금", "village_enterprise", "3천만원"),
        ("대학생알바 휴학생도 되나요", "student_parttime", "휴학"),
        ("문래동 청년센터 어디 있어요", "youth_job_center", "문래동3가 46"),
        ("핀테크 교육 받을 수 있나요", "youth_academy", "핀테크"),
        ("드림팀 팀당 얼마 지원해줘요", "youth_dream_team", "100만"),
        ("일자리플러스센터 상담창구 몇 개", "jobplus_center", "5개"),
        ("Where is the youth job center?", "youth_job_center", "문래동3가"),
        ("public works hourly pay", "public_works", "7,530"),
        # 얼마 asks an amount; the noun it is about decides which one
        ("마을기업 예산은 얼마나 돼요", "village_enterprise", "천원"),
        ("공동체일자리 재산이 얼마 이하면 돼요", "community_jobs", "2억원"),
        # a question word's topic gives way to a fact the question names outright
        ("청년네트워크 전야제 언제 했어요", "youth_network", "8. 8."),
        # words of the program's own name do not pick a fact
        ("중소기업에서 청년 인턴 쓰면 지원 얼마나 나와요", "sme_youth_intern", "60%"),
        # the year whose value holds the word asked about
        ("일자리플러스센터 엑셀 교육 몇 명 들었어요", "jobplus_center", "엑셀"),
        # a number asked about pay is a parameter, not a word that picks the 2017 value
        ("공공근로 하루 3시간만 하면 얼마 받아요?", "public_works", "7,530원"),
        # ... nor any word of a pay question (한 시간 is not the 2017 value's 6시간)
        ("공공근로 뽑혔는데 한 시간 일하면 얼마 쳐줘요?", "public_works", "7,530원"),
        # a name of several facts: the one on the asked topic
        ("꿈더하기베이커리 위치", "village_enterprise", "영등포로64길"),
        # a greeting inside a word is none (하이사이클, an enterprise the report names)
        ("하이사이클은 어떤 재정지원 받고 있어요?", "social_enterprise", "하이사이클"),
        # a program's name inside another's long name (협동조합노느매기 is a 마을기업)
        ("협동조합노느매기 위치", "village_enterprise", "버드나루로 23길"),
        # which department runs a project is where it is run
        ("찾동 일자리는 어느 과 사업이에요?", "seoul_new_deal", "복지정책과"),
        # 공모 is a word of the schedule: the call's months, not the grant the call is for
        ("사회적기업 일자리창출사업 공모 시기", "social_enterprise", "3월"),
        # which body runs it, by the centre's operation fact
        (
            "사회적경제 상담은 어느 기관이 맡아요?",
            "social_economy_center",
            "영등포사회적경제네트워크",
        ),
        # short names people use: 지역공동체, a 뉴딜 project, an enterprise the report names
        ("지역공동체 3시간 일당", "community_jobs", "22,590원"),
        ("구민사서 하루 몇 시간 일해요", "seoul_new_deal", "5시간"),
        ("노느매기 어디 있어요", "village_enterprise", "버드나루로 23길"),
        # 아무 때나 is 수시
        ("사회적기업 전문인력 공모 아무 때나 해요?", "social_enterprise", "수시"),
        # 월급이 밀렸어요 is 임금체불: the free labour consultation
        ("월급이 밀렸는데 어디서 상담받아요", "labor_consultation", "지역일자리사업팀"),
        # a room number, a support rate
        ("문래동 청년센터 몇 호예요", "youth_job_center", "B110호"),
        ("청년인턴 지원비율 몇프로에여", "sme_youth_intern", "60%"),
        # a generic word (신청기간) names no program; a where about an event may use 2017's venue
        ("잡포유 어디서 해요", "jobplus_center", "롯데마트"),
        ("청년일자리지원센터에서는 뭘 할 수 있어요", "youth_job_center", "코워킹"),
        # X만 돼요 asks who may take part; 초보 is the beginners' level a course names
        ("서울형 뉴딜일자리 영등포구민만 돼요?", "seoul_new_deal", "서울시민"),
        ("청년 일자리지원센터 초보도 배울 수 있어요?", "youth_job_center", "초급"),
        # 얼마 써요 asks what is spent: the budget
        ("일자리플러스센터 올해 운영하는 데 얼마 써요?", "jobplus_center", "99,049천원"),
        # 얼마나 넓어요 asks for the floor area, not an amount of money
        ("청년일자리 지원센터 얼마나 넓어요", "youth_job_center", "189.02㎡"),
        # the programme's 2017 name is a name of the programme, not of one fact
        ("작년 뭉치잡 공모 기간 언제였어?", "youth_dream_team", "9.13"),
        # 작년 is read in the report's frame
        ("작년 공공근로 하루 일당", "public_works", "39,000원"),
        # one keyword is enough in a question about learning or work
        ("조리사 배우고 싶어요", "regional_training", "조리사"),
        # a course's own name picks that course
        ("점포창업운영자 교육 몇 명 뽑아요", "regional_training", "점포창업"),
        # Korean puts the head last: 가입 나이 asks for the age
        ("청년 네트워크 가입 나이", "youth_network", "15~39세"),
        # "if selected, how much": the condition is not what is asked
        ("드림팀 뽑히면 선정되면 한 팀에 얼마 줘요", "youth_dream_team", "100만"),
        # a year outside 2017-2018 that the program's own facts mention
        ("사회적경제지원센터 2015년에 문 열었어요?", "social_economy_center", "2015.04.28"),
        # a name that is one fact's own answers whatever the question word (잡포유 몇 명)
        ("잡포유 작년에 취업한 사람 몇 명", "jobplus_center", "172명"),
        # 주말 is a detail the report lacks, unless the program's facts speak of it (주5일)
        ("공공근로 주말에도 일해요?", "public_works", "주 5일"),
        # two programs with one keyword: the one whose facts share the question's other words
        ("면접 연습 시켜주는 프로그램", "youth_academy", "면접"),
        # a misspelled course name still picks the course
        ("점포창엄운영자 교육 모집 인원", "regional_training", "점포창업"),
        # a keyword before the asked topic's noun modifies it: the company's grant is asked
        ("청년인턴 회사 지원금은 얼마나 돼요", "sme_youth_intern", "100만원"),
        # ... but a count asks about the thing counted
        ("일자리플러스센터 상담창구 몇 개 있어요", "jobplus_center", "5개"),
        # being employed is the young person's condition, not the company's
        ("지금 회사 다니는 중인데 청년인턴 신청할 수 있어요?", "sme_youth_intern", "미취업"),
        # colloquial synonyms (취직 → 취업)
        ("공공근로 하는 동안 취직 도와줘요?", "public_works", "취업상담"),
        # a misspelled topic word of three syllables
        ("공공근로 간삭비 따로 나와요", "public_works", "간식비는 별도"),
        # a team question about a program without a place names the team
        ("대학생 아르바이트 담당하는 팀", "student_parttime", "청년지원팀"),
        # English question shapes: an age, hours, who runs it
        ("Can a 41 year old join the youth network?", "youth_network", "15 to 39"),
        ("How many hours a day do community jobs work?", "community_jobs", "3 to 6 hours"),
        ("Who runs the social economy center?", "social_economy_center", "contracted out"),
        (
            "사회적경제지원센터 상담은 누가 맡아서 해요",
            "social_economy_center",
            "영등포사회적경제네트워크",
        ),
        # English: singular or plural names, and the words of the English texts
        ("hourly wage of a community job", "community_jobs", "45,180"),
        ("When does the catering cook course run?", "regional_training", "4.10"),
    ],
)
def test_question_finds_program_and_fact(
    assistant, question: str, program: str, needle: str
) -> None:
    assert_answers(assistant, question, program, needle)


def assert_answers(assistant, question: str, program: str, needle: str) -> None:
    """The question finds the program, and its answer holds the needle (spaces aside)."""
    reply = assistant.ask(question)
    assert reply.program_id == program, reply.text
    assert needle.replace(" ", "") in reply.text.replace(" ", ""), reply.text
    assert len(reply.text) <= 500


@pytest.mark.parametrize(
    "question",
    [
        "예비군 훈련 일정 어디서 확인해요",  # 예비 of 예비사회적기업 inside another word
        "알바생도 4대보험 꼭 들어야 되나요?",  # 보험 after another part of the word
        "카페 사장인데 알바한테 주휴수당 줘야 되나요",  # owed by any employer: names no program
        "자활근로 참여 조건이 뭔가요",  # 참여 is everywhere
        "근로장려금 신청 기간",  # 신청기간 is any scheme's
        "How many days of annual leave do I get after working one year?",
        "오늘 날씨 어때",
        "맛집 추천해줘",
        "여권 발급 어디서 해요",
        "아파트 분양 일정",
        "bitcoin price",
    ],
)
def test_out_of_scope_gets_no_program(assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.program_id is None
    assert not reply.answered
    assert "자료에 없" in reply.text or "source does not" in reply.text


def test_duty_without_program_points_to_the_team(assistant) -> None:
    reply = assistant.ask("직업소개소 등록은 어디에 문의해요?")
    assert reply.program_id is None
    assert "지역일자리사업팀" in reply.text


def test_program_without_topic_gets_the_card(assistant) -> None:
    reply = assistant.ask("마을기업")
    assert reply.program_id == "village_enterprise"
    assert reply.text.startswith("[마을기업]")
    assert any("prog:" in b.data or "topic:" in b.data for row in reply.buttons for b in row)


def test_team_question_names_the_team(assistant) -> None:
    reply = assistant.ask("사회적기업 담당 팀이 어디예요")
    assert reply.program_id == "social_enterprise"
    assert "사회적경제팀" in reply.text


def test_answer_names_the_year_it_states(assistant) -> None:
    assert "2018년 계획" in assistant.ask("지역공동체 일자리 일당").text
    assert "2017년 자료" in assistant.ask("2017년 지역공동체 일자리 일당").text


def test_no_year_asked_gets_the_other_years_results_labelled_beside_the_plan(assistant) -> None:
    reply = assistant.ask("사경센터 입주 기업 몇 곳이에요")
    assert "기업 7개, 창업팀 4개" in reply.text  # the newest value first
    assert "2017년 자료: 입주현황은 11개" in reply.text
    assert reply.text.count("출처") == 1 and "2017 실적 3." in reply.text
    named = assistant.ask("2018년 사경센터 입주 기업 몇 곳이에요").text
    assert "11개" not in named  # a year asked gets that year only


def test_a_wage_asked_for_now_gets_the_current_year_only(assistant) -> None:
    text = assistant.ask("공공근로 시급").text
    assert "7,530원" in text and "2017년 자료" not in text


def test_a_misspelled_name_says_nothing_of_the_fact_asked(assistant) -> None:
    # 일자리플러스샌터: the name's own words (일자리플러스) do not pick the placements figure
    reply = assistant.ask("일자리플러스샌터 알려주세요")
    assert reply.program_id == "jobplus_center"
    assert reply.text.startswith("[일자리플러스센터]\n")  # the card, not 1,697명 취업연계
    assert "1,697" not in reply.text


def test_where_after_a_named_fact_gives_the_programs_place_and_team(assistant) -> None:
    reply = assistant.ask("목공 기술 배울 수 있는 데 어디예요?")
    assert reply.program_id == "youth_job_center"
    assert "목공" in reply.text  # the fact asked about
    assert "문래동3가 46" in reply.text and "청년지원팀" in reply.text  # and where it is
    no_place = assistant.ask("협동조합 설립신고 어디다 해요?")
    assert "설립신고" in no_place.text and "사회적경제팀" in no_place.text


@pytest.mark.parametrize(
    ("question", "needle", "not_needle"),
    [
        # the last verb in the past tense asks for the report's results, not its plans
        ("job 포 유 어디서 열렸어요", "롯데마트", "20회 이상"),
        ("청년네트웍 발대식 언제했어요", "10. 13. 발대식", None),
        ("잡포유 앞으로 몇 번 해요", "20회 이상", "롯데마트"),  # present tense: the plan
    ],
)
def test_past_tense_asks_for_the_results_year(
    assistant, question: str, needle: str, not_needle: str | None
) -> None:
    text = assistant.ask(question).text
    assert needle in text, text
    if not_needle:
        assert not_needle not in text.split("2017년 자료:")[0], text


@pytest.mark.parametrize(
    "question",
    [
        "지역공동체 일자리 임금 작년보다 올랐어요?",
        "공공근로 임금 2017년이랑 2018년 어떻게 달라요?",
        "Did the public works wage go up?",
    ],
)
def test_a_comparison_of_the_years_gets_both(assistant, question: str) -> None:
    text = assistant.ask(question).text
    assert "2018" in text and ("2017년 자료: " in text or "2017 figures: " in text), text
    assert ("45,180" in text and "38,820" in text) or ("7,530" in text and "39,000" in text)


@pytest.mark.parametrize(
    "question",
    [
        "공공근로 시급이 얼마인지 궁금했어요",  # a polite past
        "공공근로 시급 지금은 얼마로 정해졌어요?",  # now, though in the past tense
        "I did public works before. How much is the wage now?",
    ],
)
def test_politeness_or_now_is_no_question_about_2017(assistant, question: str) -> None:
    text = assistant.ask(question).text
    assert "7,530" in text and "39,000" not in text, text


def test_a_greeting_before_a_question_does_not_hide_it(assistant) -> None:
    reply = assistant.ask("안녕하세요. 일을 구해야 하는데 어디로 가야 하나요?")
    assert reply.program_id == "jobplus_center" and "당산로123" in reply.text
    assert assistant.ask("안녕하세요").text == assistant.ask("안녕").text  # a greeting alone


def test_an_event_asked_where_names_its_own_venue_not_the_centre(assistant) -> None:
    text = assistant.ask("작년 취업박람회 어디서 했어요?").text
    assert "원광디지털대학교" in text and "당산로123" not in text
    assert "일자리창출팀" in text  # the team in charge, for 어느 팀


def test_english_past_tense_asks_for_the_results_year(assistant) -> None:
    assert "Lotte Mart" in assistant.ask("Where has the Job for You event been held?").text
    assert "20 or more" in assistant.ask("How often is the Job for You event held?").text
    assert asks_in_past_tense("how many people did the academy train")
    assert not asks_in_past_tense("can i apply if i was on unemployment benefit")


def test_ends_in_past_tense() -> None:
    assert ends_in_past_tense("발대식언제했어요")
    assert ends_in_past_tense("어디서열렸나요")
    assert not ends_in_past_tense("신청할수있어요")
    assert not ends_in_past_tense("신청했는데언제발표해요")  # the last verb is present
    assert not ends_in_past_tense("하면좋겠어요")


@pytest.mark.parametrize(
    ("question", "program", "needle"),
    [
        # an English question that names no program, by the rare words of its English texts
        ("Is there a training course for airport security screeners?", "regional_training", "33"),
        ("How many companies did the job-hunting field squad visit in 2017?", "jobplus_center", ""),
        # a rare English word of one fact names it outright, over the question word's topic
        ("When was the youth network launch ceremony held?", "youth_network", "10. 13."),
        # an English name of one fact (the field squad) names it over the question word's topic
        ("How many companies did the field squad visit?", "jobplus_center", "709"),
        # the cooperative's own academy, not the youth academy
        ("How many people attended the co-op startup academy in 2017?", "cooperative", "28"),
        # "program" names no fact: how much is the pay
        ("How much does the community jobs program pay?", "community_jobs", "45,180"),
        # forms of one word meet: apply / applications
        ("When can I apply for public works?", "public_works", "November 2017"),
    ],
)
def test_english_questions_by_their_rare_words(
    assistant, question: str, program: str, needle: str
) -> None:
    assert_answers(assistant, question, program, needle)


@pytest.mark.parametrize("question", ["How do I apply for unemployment benefits?", "bitcoin price"])
def test_an_english_question_with_one_shared_word_names_no_program(assistant, question) -> None:
    assert assistant.ask(question).program_id is None


def test_english_word_stems_meet() -> None:
    stems = {english_word(w) for w in ("apply", "applied", "applying", "application")}
    assert len(stems) == 1
    assert english_word("courses") == english_word("course")
    assert english_word("class") == "class"


def test_query_forms() -> None:
    query = Query.of("  공공근로  시금이   얼마에여?? ", {"시금": "시급", "에여": "예요"})
    assert query.compact == "공공근로시급이얼마예요"
    assert not query.english
    assert Query.of("What is the wage?").english
    assert jamo("시급") == "ㅅㅣㄱㅡㅂ"


@pytest.mark.parametrize(
    ("question", "team", "missing"),
    [
        ("공공근로 담당 전화번호 알려줘", "지역일자리사업팀", "전화번호"),
        ("청년네트워크 홈페이지 주소", "청년지원팀", "홈페이지"),
        ("청년 드림팀 2020년 모집은 언제예요", "청년지원팀", "2020"),
    ],
)
def test_a_detail_or_year_the_report_lacks_gets_the_team_never_a_near_fact(
    assistant, question: str, team: str, missing: str
) -> None:
    reply = assistant.ask(question)
    assert reply.program_id is None and not reply.answered
    assert missing in reply.text and team in reply.text
    assert "에 없어요" in reply.text


@pytest.mark.parametrize(
    ("question", "program", "needle"),
    [
        ("가게 사장인데 직원 구하는 거 구청에서 도와줘요?", "jobplus_center", "일자리플러스센터"),
        ("일자리 구할라면 어디가야돼요", "jobplus_center", "당산로123"),
        ("창업하려는 청년인데 같이 작업할 공유 공간 있나요?", "youth_job_center", "코워킹"),
        ("Where can I get help finding a job?", "jobplus_center", "Dangsan-ro"),
        ("구청 취업센터는 어디예요?", "jobplus_center", "당산로123"),
        ("장사하는 법 배우는 교육 있어요?", "regional_training", "점포창업"),
        # a need said outright outweighs one keyword of another program (창업컨설팅)
        ("사회적경제 창업 컨설팅은 어디서 받아요?", "social_economy_center", "선유동1로"),
    ],
)
def test_a_need_said_without_the_programs_name_finds_the_program(
    assistant, question: str, program: str, needle: str
) -> None:
    assert_answers(assistant, question, program, needle)


def test_a_single_short_keyword_outside_work_is_not_a_program(assistant) -> None:
    assert assistant.ask("구립 도서관 몇 시에 닫아요").program_id is None
    assert assistant.ask("아파트 관리비 너무 비싸요").program_id is None


def test_where_can_i_in_english_does_not_start_the_screener(assistant) -> None:
    reply = assistant.ask("Where can I get free labor consultation?")
    assert reply.program_id == "labor_consultation"
    assert not reply.wants_screener


@pytest.mark.parametrize("question", ["주차 위반 과태료", "Where is the nearest subway station?"])
def test_the_fallback_is_short_and_names_teams_and_centres(assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.program_id is None and len(reply.text) <= MAX_CHARS and "…" not in reply.text
    assert ("일자리창출팀" in reply.text) or ("Job Creation Team" in reply.text)
    assert "당산로123" in reply.text.replace(" ", "") or "Dangsan-ro 123" in reply.text


def test_the_english_fallback_names_each_teams_duties_in_english(assistant) -> None:
    text = assistant.ask("Where is the nearest subway station?").text
    assert "• Local Jobs Team: public works jobs" in text
    assert "• Youth Support Team: running the youth network" in text
    assert "공공근로" not in text


def test_a_duty_named_alone_goes_to_its_team(assistant) -> None:
    reply = assistant.ask("생활임금은 어느 팀 담당이에요")
    assert reply.program_id is None and "지역일자리사업팀" in reply.text
    assert assistant.ask("서울형 생활임금 시급이 얼마야").program_id == "seoul_new_deal"


def test_dream_team_dates_name_the_rounds_staff_set_as_theirs(assistant, kb) -> None:
    text = assistant.ask("청년 드림팀 마감일 언제예요").text
    first = kb.rounds[0]
    assert f"{first.opens.isoformat()}~{first.closes.isoformat()}" in text
    assert "보고서에는 없음" in text
    assert "2018-" not in assistant.ask("2017년 청년 드림팀 공모 기간").text
