"""Every user-facing sentence, Korean first with English beside it. Facts never live here."""

from __future__ import annotations

Lang = str  # "ko" | "en"

CATALOGUE: dict[str, dict[str, str]] = {
    "start": {
        "ko": (
            "안녕하세요! 영등포구 일자리정책과 안내 봇이에요.\n"
            "일자리·청년·사회적경제 사업의 자격, 임금, 일정, 장소를 알려드려요. "
            "궁금한 것을 편하게 물어보시거나 아래 버튼을 눌러 주세요.\n"
            "ℹ️ 안내 내용은 {source_years} 보고서 기준이에요. 최신 내용은 담당 팀에 꼭 확인해 주세요."
        ),
        "en": (
            "Hello! I am the assistant of the Job Policy Division of Yeongdeungpo-gu.\n"
            "I answer questions about jobs, youth and social-economy programs: who can join, pay, "
            "dates and places. Ask me anything or tap a button below.\n"
            "ℹ️ My answers come from the division's {source_years} report; please confirm the "
            "latest details with the team in charge."
        ),
    },
    "source_years": {"ko": "2017년 실적·2018년 계획", "en": "2017 results / 2018 plans"},
    "help": {
        "ko": (
            "이렇게 물어보세요:\n"
            "• 공공근로 시급이 얼마예요?\n"
            "• 대학생 알바 자격\n"
            "• 청년 드림팀 언제 모집해요?\n"
            "• 사회적경제지원센터 어디예요?\n\n"
            "명령어: /start 처음으로 · /lang 언어 바꾸기 · /cancel 진행 중인 것 취소"
        ),
        "en": (
            "Ask like this:\n"
            "• What is the hourly wage of public works jobs?\n"
            "• Who can apply for the student part-time job?\n"
            "• Where is the social economy center?\n\n"
            "Commands: /start home · /lang language · /cancel stop what is in progress"
        ),
    },
    "menu_programs": {"ko": "📋 프로그램 안내", "en": "📋 Programs"},
    "menu_check": {"ko": "✅ 자격 확인", "en": "✅ Am I eligible?"},
    "menu_apply": {"ko": "🧑‍🤝‍🧑 청년 드림팀 신청", "en": "🧑‍🤝‍🧑 Dream Team application"},
    "menu_subscribe": {"ko": "🔔 알림 설정", "en": "🔔 Reminders"},
    "menu_help": {"ko": "❓ 도움말", "en": "❓ Help"},
    "home": {"ko": "🏠 처음으로", "en": "🏠 Home"},
    "back": {"ko": "⬅️ 이전", "en": "⬅️ Back"},
    "choose_audience": {"ko": "어떤 분야가 궁금하세요?", "en": "Which area are you interested in?"},
    "audience_youth": {"ko": "청년", "en": "Youth"},
    "audience_residents": {"ko": "구민 일자리", "en": "Jobs for residents"},
    "audience_social_economy": {"ko": "사회적경제", "en": "Social economy"},
    "audience_employment_support": {"ko": "취업지원", "en": "Employment support"},
    "choose_program": {
        "ko": "{audience} 분야 사업이에요. 하나를 골라 주세요.",
        "en": "{audience} programs. Pick one.",
    },
    "topic_pay": {"ko": "💰 임금·지원금", "en": "💰 Pay / support"},
    "topic_eligibility": {"ko": "🙋 자격", "en": "🙋 Who can join"},
    "topic_schedule": {"ko": "📅 일정", "en": "📅 Schedule"},
    "topic_place": {"ko": "📍 장소·문의", "en": "📍 Place / contact"},
    "topic_apply": {"ko": "📝 신청 방법", "en": "📝 How to apply"},
    "topic_figures": {"ko": "📊 실적·규모", "en": "📊 Figures"},
    "topic_about": {"ko": "ℹ️ 사업 내용", "en": "ℹ️ About"},
    "card_more": {
        "ko": "아래 버튼으로 자세히 볼 수 있어요.",
        "en": "Tap a button below for details.",
    },
    "program_card_button": {"ko": "📄 {program} 안내 더 보기", "en": "📄 More on {program}"},
    "year_label_2018": {"ko": "2018년 계획", "en": "2018 plan"},
    "year_label_2017": {"ko": "2017년 자료", "en": "2017 figures"},
    "source_line": {"ko": "출처: {source}", "en": "Source: {source}"},
    "other_year_line": {"ko": "{label}: ", "en": "{label}: "},
    "team_line": {
        "ko": "담당: 일자리정책과 {teams}",
        "en": "In charge: Job Policy Division, {teams}",
    },
    "place_unknown": {
        "ko": "(담당 팀은 {year}년 기준) 보고서에 이 사업을 하는 장소는 나와 있지 않으니 담당 팀에 문의해 주세요.",
        "en": "(team as of {year}) The report does not give a place for this program; please ask the team in charge.",
    },
    "round_period": {"ko": "{round} {opens}~{closes}", "en": "{round} {opens} to {closes}"},
    "rounds_set_by_staff": {
        "ko": "담당 팀이 정한 공모 기간(보고서에는 없음): {periods}",
        "en": "Application periods set by the team (not in the report): {periods}",
    },
    "detail_missing": {
        "ko": "{program}의 '{detail}' 정보는 제 자료(2017년 실적·2018년 계획 보고서)에 없어요. 담당 팀에 문의해 주세요.",
        "en": "My source (the 2017 results / 2018 plans report) does not give the {detail} of {program}. Please ask the team in charge.",
    },
    "year_missing": {
        "ko": "{program}의 {year}년 내용은 제 자료에 없어요. 제 자료는 2017년 실적·2018년 계획까지예요. 담당 팀에 문의해 주세요.",
        "en": "My source has nothing on {program} for {year}: it covers 2017 results and 2018 plans only. Please ask the team in charge.",
    },
    "topic_missing": {
        "ko": "{program}의 {topic} 정보는 제 자료에 없어요. 담당 팀에 문의해 주세요.",
        "en": "My source has no {topic} details for {program}. Please ask the team in charge.",
    },
    "korean_only": {"ko": "", "en": "(This detail is only available in Korean.)"},
    "fallback": {
        "ko": (
            "죄송해요, 그 내용은 제가 가진 자료에 없어서 정확히 답해 드릴 수 없어요.\n"
            "제가 안내하는 것: 공공근로·지역공동체 일자리, 청년 일자리·인턴·드림팀, "
            "사회적경제(사회적기업·협동조합·마을기업), 취업지원.\n"
            "영등포구 일자리정책과 담당 팀:\n{teams}\n찾아가 물어볼 곳:\n{centers}"
        ),
        "en": (
            "Sorry, my source does not cover that. The Job Policy Division's teams:\n{teams}\n"
            "Or ask in person:\n{centers}"
        ),
    },
    "fallback_team_row": {"ko": "• {team}: {duties}", "en": "• {team}: {duties}"},
    "fallback_center_row": {"ko": "• {center}: {place}", "en": "• {center}: {place}"},
    "duty_referral": {
        "ko": (
            "'{duty}'은(는) 영등포구 일자리정책과 {team} 업무예요. "
            "자세한 내용은 제 자료에 없어서, {team}에 문의해 주세요."
        ),
        "en": (
            "'{duty}' is handled by the {team} of the Job Policy Division, Yeongdeungpo-gu. "
            "My source has no details on it, so please ask that team."
        ),
    },
    "greeting": {
        "ko": "안녕하세요! 일자리·청년·사회적경제 사업에 대해 물어보세요. 예: '공공근로 시급이 얼마예요?'",
        "en": "Hello! Ask me about jobs, youth or social-economy programs, e.g. 'public works hourly wage'.",
    },
    "lang_choose": {"ko": "언어를 골라 주세요.", "en": "Choose a language."},
    "lang_set": {"ko": "이제 한국어로 안내할게요.", "en": "I will answer in English from now on."},
    "lang_ko": {"ko": "한국어", "en": "한국어 (Korean)"},
    "lang_en": {"ko": "English", "en": "English"},
    "stale_button": {
        "ko": "이 버튼은 더 이상 쓸 수 없어요. 처음 화면에서 다시 골라 주세요.",
        "en": "This button no longer works. Please start again from the home screen.",
    },
    "not_ready": {
        "ko": "이 기능은 아직 준비 중이에요. 지금은 질문을 입력하시거나 프로그램 안내를 이용해 주세요.",
        "en": "This feature is not ready yet. For now, ask a question or browse the programs.",
    },
    "nothing_to_cancel": {
        "ko": "취소할 진행 중인 작업이 없어요.",
        "en": "There is nothing to cancel.",
    },
    "unsupported_message": {
        "ko": "글자로 된 질문만 이해할 수 있어요. 궁금한 것을 글로 적어 주세요.",
        "en": "I can only read text. Please type your question.",
    },
    "too_long": {
        "ko": "질문이 너무 길어요. {limit}자 이내로 짧게 적어 주세요.",
        "en": "Your question is too long. Please keep it under {limit} characters.",
    },
    "error": {
        "ko": "죄송해요, 잠시 문제가 생겼어요. 잠시 후 다시 시도해 주세요. 입력하신 내용은 그대로 있어요.",
        "en": "Sorry, something went wrong. Please try again in a moment; nothing you entered was lost.",
    },
    "console_intro": {
        "ko": "로컬 콘솔 대화예요 (텔레그램 토큰 없음). 번호를 입력하면 버튼을 누른 것과 같아요. 끝내려면 /quit",
        "en": "Local console chat (no Telegram token). Type a number to press a button; /quit to leave.",
    },
}

CATALOGUE.update(
    {
        "needs_answer": {"ko": "확인 필요: {fields}", "en": "Needs an answer: {fields}"},
        "rule_failed": {
            "ko": "{reason} ({program}, {year}년 기준)",
            "en": "{reason} ({program}, as of {year})",
        },
        "rule_failed_brief": {"ko": "{reason} ({year}년 기준)", "en": "{reason} (as of {year})"},
        "field_age": {"ko": "나이", "en": "age"},
        "field_residence": {"ko": "사는 곳", "en": "where you live"},
        "field_works_in_yeongdeungpo": {
            "ko": "영등포구 근무·활동 여부",
            "en": "work or activity in Yeongdeungpo",
        },
        "field_employment": {"ko": "취업 상태", "en": "employment"},
        "field_student": {"ko": "재학 여부", "en": "student status"},
        "field_household_income_pct_median": {"ko": "가구소득", "en": "household income"},
        "field_assets_krw": {"ko": "재산", "en": "household assets"},
        "field_livelihood_benefit": {"ko": "생계급여 수급 여부", "en": "livelihood benefit"},
        "field_unemployment_benefit": {"ko": "실업급여 수급 여부", "en": "unemployment benefit"},
    }
)

CATALOGUE.update(
    {
        "screener_intro": {
            "ko": "몇 가지만 여쭤보고 신청할 수 있는 사업을 알려드릴게요. 모르시면 '모름/건너뛰기'를 누르세요.\n🔒 답은 결과를 보여 드리는 데 쓰고, 나이가 만 {low}~{high}세이면 담당 팀이 청년에게 보내는 모집 공지를 받게 돼요. 담당 직원은 개인별 답을 볼 수 없고, /forget 으로 언제든 지울 수 있어요.",
            "en": "A few questions, then I will tell you which programs fit. Tap 'Skip' when you are not sure.\n🔒 Your answers are used to show the result and, if you are {low} to {high}, to send you the division's notices for young people. Staff never see individual answers; /forget deletes them any time.",
        },
        "screener_progress": {
            "ko": "자격 확인 {number}번째 질문",
            "en": "Eligibility check, question {number}",
        },
        "screener_round_open": {
            "ko": "지금 {round} 공모 중이에요: {opens}~{closes} (담당 팀이 정한 일정이에요. 보고서에는 '연 2회(상·하반기)'라고만 나와 있어요.)",
            "en": "The {round} call is open now: {opens} to {closes} (dates set by the team in charge; the report only says twice a year).",
        },
        "screener_remind_title": {
            "ko": "어느 사업의 모집·선발 일정을 알려 드릴까요? 자격 확인 결과 신청 가능하거나 확인이 필요한 사업이에요.",
            "en": "Which programs should I remind you of (recruitment and selection dates)? These are the ones you can apply to or should check.",
        },
        "screener_remind_none": {
            "ko": "자격 확인 결과 신청 가능한 사업이 없어요. 다른 사업의 알림은 아래에서 켤 수 있어요.",
            "en": "The check found no program for you; you can still turn on reminders for any program below.",
        },
        "screener_remind_program": {
            "ko": "🔔 {program} 알림 받기",
            "en": "🔔 Remind me of {program}",
        },
        "screener_editing": {"ko": "✏️ 답 수정: {label}", "en": "✏️ Changing: {label}"},
        "screener_in_progress": {
            "ko": "하던 자격 확인이 있어요 (답한 질문 {count}개). 이어서 할까요, 처음부터 다시 할까요?",
            "en": "You have an eligibility check in progress ({count} questions answered). Continue, or start again?",
        },
        "screener_in_progress_one": {
            "ko": "하던 자격 확인이 있어요 (답한 질문 {count}개). 이어서 할까요, 처음부터 다시 할까요?",
            "en": "You have an eligibility check in progress ({count} question answered). Continue, or start again?",
        },
        "screener_continue": {"ko": "▶️ 이어서 하기", "en": "▶️ Continue"},
        "screener_restart": {"ko": "🔄 처음부터", "en": "🔄 Start again"},
        "screener_q_age": {
            "ko": "만 나이를 숫자로 적어 주세요. (예: 27)",
            "en": "Please type your age in full years (e.g. 27).",
        },
        "screener_q_residence": {
            "ko": "어디에 사세요? (주민등록 기준) 다른 곳에 살아도 영등포구에서 일하거나 활동하면 그 버튼을 눌러 주세요.",
            "en": "Where do you live (registered address)? If you live elsewhere but work or are active in Yeongdeungpo, say so.",
        },
        "screener_q_employment": {"ko": "지금 일하고 계세요?", "en": "Are you working now?"},
        "screener_q_student": {"ko": "학교에 다니고 계세요?", "en": "Are you a student?"},
        "screener_q_household_size": {
            "ko": "함께 사는 가구원은 모두 몇 명이에요? (본인 포함)\n{over}명 이상 가구는 자료에 기준액이 없어요. '모름/건너뛰기'를 누르고 담당 팀에 문의해 주세요.",
            "en": "How many people live in your household (including you)?\nMy source has no amounts for {over} or more people: tap 'Skip' and ask the team in charge.",
        },
        "screener_q_household_income_pct_median": {
            "ko": "가구의 한 달 소득은 얼마쯤이에요? ({year}년 기준중위소득 기준)",
            "en": "About how much does your household earn a month? ({year} median income)",
        },
        "screener_q_assets_krw": {
            "ko": "가구의 재산(집·예금 등)은 얼마쯤이에요?",
            "en": "About how much are your household's assets (home, savings, …)?",
        },
        "screener_q_benefits": {
            "ko": "지금 받고 계신 급여가 있나요?",
            "en": "Do you receive any of these benefits now?",
        },
        "screener_residence_yeongdeungpo": {"ko": "영등포구", "en": "Yeongdeungpo-gu"},
        "screener_residence_seoul_other_works": {
            "ko": "서울 다른 구 (영등포구에서 일·활동)",
            "en": "Another Seoul district, working/active in Yeongdeungpo",
        },
        "screener_residence_seoul_other": {"ko": "서울 다른 구", "en": "Another district of Seoul"},
        "screener_residence_outside_seoul_works": {
            "ko": "서울 밖 (영등포구에서 일·활동)",
            "en": "Outside Seoul, working/active in Yeongdeungpo",
        },
        "screener_residence_outside_seoul": {"ko": "서울 밖", "en": "Outside Seoul"},
        "screener_employment_unemployed": {
            "ko": "일자리를 찾고 있어요 (실업)",
            "en": "Looking for work (unemployed)",
        },
        "screener_employment_irregular_daily": {
            "ko": "일용직이에요 (정기소득 없음)",
            "en": "Day labour, no regular income",
        },
        "screener_employment_employed": {"ko": "회사 등에서 일하고 있어요", "en": "Employed"},
        "screener_student_none": {"ko": "학생이 아니에요", "en": "Not a student"},
        "screener_student_university_enrolled": {
            "ko": "대학 재학 중",
            "en": "University, enrolled",
        },
        "screener_student_university_on_leave": {
            "ko": "대학 휴학 중",
            "en": "University, on leave",
        },
        "screener_student_other_enrolled": {
            "ko": "고등학교 등 다른 학교 재학",
            "en": "Other school",
        },
        "screener_benefits_none": {"ko": "받는 것 없어요", "en": "None"},
        "screener_benefits_livelihood": {
            "ko": "생계급여 (기초생활보장)",
            "en": "Livelihood benefit (생계급여)",
        },
        "screener_benefits_unemployment": {
            "ko": "실업급여",
            "en": "Unemployment benefit (실업급여)",
        },
        "screener_benefits_both": {"ko": "둘 다 받아요", "en": "Both"},
        "screener_household": {"ko": "{size}명", "en": "{size}"},
        "screener_income_upto": {
            "ko": "월 {amount} 이하 (중위소득 {pct}% 이하)",
            "en": "{amount} a month or less ({pct}% of median or less)",
        },
        "screener_income_over": {"ko": "월 {amount} 초과", "en": "More than {amount} a month"},
        "screener_assets_upto": {"ko": "{amount} 이하", "en": "{amount} or less"},
        "screener_assets_over": {"ko": "{amount} 초과", "en": "More than {amount}"},
        "screener_skip": {"ko": "🤷 모름/건너뛰기", "en": "🤷 Not sure / skip"},
        "screener_cancel": {"ko": "✖️ 그만하기", "en": "✖️ Stop"},
        "screener_result_title": {"ko": "📋 자격 확인 결과", "en": "📋 Your eligibility"},
        "screener_group_eligible": {"ko": "\n✅ 신청 가능", "en": "\n✅ You can apply"},
        "screener_group_unknown": {"ko": "\n❓ 확인 필요", "en": "\n❓ Needs checking"},
        "screener_group_ineligible": {"ko": "\n❌ 해당 없음", "en": "\n❌ Not for you"},
        "screener_result_note": {
            "ko": "\nℹ️ 2017년 실적·2018년 계획 보고서 기준의 참고용 결과예요. 실제 선발은 담당 팀이 확인해요. 결과를 지우려면 /forget",
            "en": "\nℹ️ A guide based on the 2017/2018 report; the team in charge makes the actual decision. To delete this result: /forget",
        },
        "screener_ask_team": {
            "ko": "자료에 나와 있지 않아요. 일자리정책과 {teams}에 문의해 주세요.",
            "en": "Not in my source; please ask the Job Policy Division's {teams}.",
        },
        "screener_again": {"ko": "🔁 결과 다시 보기", "en": "🔁 Show result"},
        "screener_edit": {"ko": "✏️ 답 수정", "en": "✏️ Change answers"},
        "screener_edit_choose": {
            "ko": "어떤 답을 바꿀까요?",
            "en": "Which answer do you want to change?",
        },
        "screener_label_age": {"ko": "나이", "en": "Age"},
        "screener_label_residence": {"ko": "사는 곳", "en": "Where you live"},
        "screener_label_employment": {"ko": "일하는 상태", "en": "Employment"},
        "screener_label_student": {"ko": "학생 여부", "en": "Student"},
        "screener_label_household_size": {"ko": "가구원 수·소득", "en": "Household and income"},
        "screener_label_household_income_pct_median": {"ko": "가구소득", "en": "Household income"},
        "screener_label_assets_krw": {"ko": "재산", "en": "Assets"},
        "screener_label_benefits": {"ko": "받는 급여", "en": "Benefits"},
        "screener_cancelled": {
            "ko": "자격 확인을 그만뒀어요. 입력하신 답은 지웠어요.",
            "en": "Eligibility check stopped; your answers were deleted.",
        },
        "screener_resume": {
            "ko": "자격 확인을 이어서 할게요.",
            "en": "Let's continue the eligibility check.",
        },
        "screener_stale": {
            "ko": "이 질문은 이미 지나갔어요. 지금 질문에 답해 주세요.",
            "en": "That question has passed; please answer the current one.",
        },
        "age_invalid": {
            "ko": "나이는 1부터 120 사이의 숫자로 적어 주세요. (예: 27) 모르시면 '모름/건너뛰기'를 누르세요.",
            "en": "Please type your age as a number from 1 to 120 (e.g. 27), or tap 'Skip'.",
        },
        "use_buttons": {
            "ko": "이 질문은 아래 버튼으로 답해 주세요.",
            "en": "Please answer this question with the buttons below.",
        },
        "forget_deleted": {"ko": "🗑 지웠어요:", "en": "🗑 Deleted:"},
        "forget_item_screener": {
            "ko": "• 자격 확인 답과 결과",
            "en": "• your eligibility answers and result",
        },
        "forget_item_draft": {
            "ko": "• 작성 중이던 청년 드림팀 신청서",
            "en": "• your unsubmitted Dream Team draft",
        },
        "forget_item_edit": {
            "ko": "• 제출한 신청서를 고치던 내용 (저장하지 않은 수정)",
            "en": "• unsaved changes to your submitted application",
        },
        "forget_item_recent": {
            "ko": "• 상담원 연결을 위해 잠시 기억하던 최근 질문",
            "en": "• your recent questions, kept briefly in case you ask for staff",
        },
        "forget_item_withdrawn": {
            "ko": "• 철회한 신청서 {count}건",
            "en": "• {count} withdrawn application(s)",
        },
        "nothing_to_forget": {
            "ko": "지울 기록이 없어요.",
            "en": "There is nothing to delete.",
        },
        "forget_kept": {"ko": "📁 보관 중이에요:", "en": "📁 Kept:"},
        "forget_item_kept": {
            "ko": "• 제출한 청년 드림팀 신청서 {receipt}: 심사 기간이 끝나는 {until}까지 보관한 뒤 자동으로 지워요.",
            "en": "• your submitted Dream Team application {receipt}: kept until the review period ends on {until}, then deleted automatically.",
        },
        "check_my_eligibility": {"ko": "✅ 내 자격 확인하기", "en": "✅ Check my eligibility"},
        "stated_ineligible": {
            "ko": "🙅 말씀하신 조건이면 참여할 수 없어요. {reasons}",
            "en": "🙅 From what you said, you cannot take part. {reasons}",
        },
        "stated_fits": {
            "ko": "🙆 말씀하신 조건({fields})은 맞아요. 다른 조건도 확인해 보세요.",
            "en": "🙆 What you said ({fields}) meets the conditions; check the others too.",
        },
        "stated_eligible": {
            "ko": "🙆 말씀하신 조건이면 참여할 수 있어요.",
            "en": "🙆 From what you said, you can take part.",
        },
    }
)

CATALOGUE.update(
    {
        "form_closed": {
            "ko": "지금은 청년 드림팀 공모 기간이 아니에요.",
            "en": "The Dream Team call is not open now.",
        },
        "form_next_round": {
            "ko": "다음 공모: {round} ({opens}~{closes}, 담당 팀이 정한 일정이에요. 보고서에는 '연 2회(상·하반기)'라고만 나와 있어요.)",
            "en": "Next call: {round} ({opens} to {closes}; dates set by the team in charge, the report only says twice a year).",
        },
        "form_no_next_round": {
            "ko": "다음 공모 일정은 아직 정해지지 않았어요. 청년지원팀에 문의해 주세요.",
            "en": "The next call has no dates yet; please ask the Youth Support Team.",
        },
        "form_consent": {
            "ko": "청년 드림팀 신청 ({round})\n\n📄 개인정보 수집·이용 동의\n• 수집 항목: 팀원의 이름·나이·영등포구와의 관계(거주/근무/활동), 대표자 휴대전화번호, 제안 내용과 첨부 파일\n• 목적: 청년 드림팀 공모 심사와 결과 안내\n• 보관: 공모 마감 후 심사 기간({days}일)이 끝나면 삭제해요. 제출 전 임시 저장본과 철회한 신청은 /forget 으로 언제든 지울 수 있어요.\n동의하지 않으시면 신청이 끝나고 아무것도 저장하지 않아요.",
            "en": "Dream Team application ({round})\n\n📄 Consent to collect personal data\n• What: members' names, ages and tie to Yeongdeungpo (live/work/active), the representative's mobile number, the proposal and its file\n• Why: to review the call and tell you the result\n• Kept: deleted when the review period ({days} days after the call closes) ends; drafts and withdrawn applications can be deleted any time with /forget.\nIf you do not agree, the application ends and nothing is stored.",
        },
        "form_consent_yes": {"ko": "✅ 동의하고 시작", "en": "✅ I agree, start"},
        "form_consent_no": {"ko": "동의하지 않아요", "en": "I do not agree"},
        "form_declined": {
            "ko": "동의하지 않아 신청을 마쳤어요. 아무것도 저장하지 않았어요.",
            "en": "You did not agree, so the application ended. Nothing was stored.",
        },
        "form_declined_draft_kept": {
            "ko": "작성 중이던 청년 드림팀 신청서({round})는 그대로 있어요. 이어서 쓰려면 /apply, 지우려면 /cancel 을 보내 주세요.",
            "en": "Your Dream Team draft ({round}) is still kept. Continue it with /apply, or delete it with /cancel.",
        },
        "form_declined_application_kept": {
            "ko": "제출한 신청서({receipt})는 그대로 있어요. /myapplication 에서 보거나 철회할 수 있어요.",
            "en": "Your submitted application ({receipt}) is unchanged. View or withdraw it with /myapplication.",
        },
        "form_draft_closed": {
            "ko": "ℹ️ 작성 중이던 청년 드림팀 신청서({round})는 공모가 마감되어 더 이상 받을 수 없어요. /apply 로 확인하거나 /cancel 로 지울 수 있어요.",
            "en": "ℹ️ The call of your Dream Team draft ({round}) has closed, so it can no longer be filled in. See /apply, or delete it with /cancel.",
        },
        "form_draft_waits": {
            "ko": "작성 중이던 신청서({round})는 공모가 마감되어 제출할 수 없어요. 신청서는 {until}까지 보관해 두었다가 그 전에 다음 공모가 열리면 /apply 로 옮겨서 이어 쓸 수 있어요. 그때까지 옮기지 않으면 자동으로 지워요. 지금 지우려면 /cancel",
            "en": "Your draft ({round}) cannot be submitted: that call has closed. It is kept until {until}; if the next call opens before then, /apply carries it over. After that it is deleted automatically. /cancel deletes it now.",
        },
        "form_moved": {
            "ko": "ℹ️ {old} 공모는 마감됐어요. 작성 중이던 신청서를 지금 열린 {new} 공모로 옮겼어요. 내용을 확인하고 이어서 작성해 주세요.",
            "en": "ℹ️ The {old} call has closed; your draft was moved to the {new} call, open now. Please check it and carry on.",
        },
        "form_moved_theme": {
            "ko": "고르셨던 주제가 이번 공모에는 없어서 주제는 다시 골라 주세요.",
            "en": "Your theme is not one of this call's, so please choose the theme again.",
        },
        "form_edit_closed": {
            "ko": "{round} 공모가 마감되어 고치던 내용은 저장하지 않았어요. 제출한 신청서는 그대로 있어요. (/myapplication)",
            "en": "The {round} call has closed, so your changes were not saved; the submitted application is unchanged (/myapplication).",
        },
        "form_resume": {
            "ko": "저장된 신청서를 이어서 작성할게요.",
            "en": "Continuing your saved draft.",
        },
        "form_q_team_name": {
            "ko": "1. 팀 이름을 적어 주세요. ({limit}자 이내)",
            "en": "1. Your team's name ({limit} characters at most).",
        },
        "form_q_title": {
            "ko": "2. 프로젝트 제목을 적어 주세요. ({limit}자 이내)",
            "en": "2. The project's title ({limit} characters at most).",
        },
        "form_q_theme": {"ko": "3. 공모 주제를 골라 주세요.", "en": "3. Choose the theme."},
        "form_q_description": {
            "ko": "4. 프로젝트를 소개해 주세요. 무엇을, 왜, 어떻게 할지 {limit}자 이내로 적어 주세요.",
            "en": "4. Describe the project: what, why and how ({limit} characters at most).",
        },
        "form_q_member_name": {
            "ko": "5. 팀원 {number}의 이름을 적어 주세요. (대표자 포함 {min}명 이상)",
            "en": "5. Name of member {number} (at least {min} members, you included).",
        },
        "form_q_member_age": {
            "ko": "{name} 님의 만 나이를 숫자로 적어 주세요.",
            "en": "{name}'s age in full years?",
        },
        "form_q_member_tie": {
            "ko": "{name} 님은 영등포구와 어떤 관계예요?",
            "en": "How is {name} tied to Yeongdeungpo?",
        },
        "form_q_phone": {
            "ko": "6. 대표자 휴대전화번호를 적어 주세요. (예: 010-1234-5678) 결과 안내에만 써요.",
            "en": "6. The representative's mobile number (e.g. 010-1234-5678), used only to tell you the result.",
        },
        "form_q_budget_item": {
            "ko": "7. 예산 항목 이름을 적어 주세요. (예: 재료비, 대관료)",
            "en": "7. A budget item (e.g. materials, venue).",
        },
        "form_q_budget_amount": {
            "ko": "'{item}' 금액을 원 단위로 적어 주세요. (예: 300000 또는 30만원) 팀당 최대 {max}이에요.",
            "en": "Amount for '{item}' in won (e.g. 300000). At most {max} per team.",
        },
        "form_q_file": {
            "ko": "8. 제안서 파일이 있으면 문서로 보내 주세요. ({size} 이하) 없으면 '건너뛰기'를 누르세요.",
            "en": "8. Send your proposal as a document ({size} at most), or tap 'Skip'.",
        },
        "form_tie_reside": {"ko": "영등포구에 살아요", "en": "Lives in Yeongdeungpo"},
        "form_tie_work": {"ko": "영등포구에서 일해요", "en": "Works in Yeongdeungpo"},
        "form_tie_active": {"ko": "영등포구에서 활동해요", "en": "Active in Yeongdeungpo"},
        "form_tie_none": {"ko": "해당 없음", "en": "None of these"},
        "form_age_years": {"ko": "{age}세", "en": "{age}"},
        "form_members_now": {
            "ko": "팀원 {count}명 (최소 {min}명)",
            "en": "{count} members (at least {min})",
        },
        "form_members_now_one": {
            "ko": "팀원 {count}명 (최소 {min}명)",
            "en": "{count} member (at least {min})",
        },
        "form_member_add": {"ko": "➕ 팀원 추가", "en": "➕ Add a member"},
        "form_budget_add": {"ko": "➕ 예산 항목 추가", "en": "➕ Add a budget line"},
        "form_remove": {"ko": "➖ {what} 빼기", "en": "➖ Remove {what}"},
        "form_next": {"ko": "다음 ▶️", "en": "Next ▶️"},
        "form_budget_total": {
            "ko": "합계 {total} / 최대 {max}",
            "en": "Total {total} of at most {max}",
        },
        "form_budget_now": {
            "ko": "항목을 더 넣거나 '다음'을 눌러 주세요. (최대 {max})",
            "en": "Add more lines or tap 'Next' (at most {max}).",
        },
        "form_file_skip": {"ko": "건너뛰기", "en": "Skip"},
        "form_file_drop": {"ko": "🗑 파일 없이 진행", "en": "🗑 Go on without the file"},
        "form_no_file": {"ko": "없음", "en": "none"},
        "form_cancel": {"ko": "✖️ 신청 취소", "en": "✖️ Cancel"},
        "form_cancel_confirm": {
            "ko": "작성 중인 신청서를 지울까요? 지우면 되돌릴 수 없어요.",
            "en": "Delete your draft? This cannot be undone.",
        },
        "form_cancel_yes": {"ko": "네, 지워 주세요", "en": "Yes, delete it"},
        "form_cancel_no": {"ko": "아니요, 계속할게요", "en": "No, keep going"},
        "form_cancelled": {"ko": "작성 중이던 신청서를 지웠어요.", "en": "Your draft was deleted."},
        "form_cancel_edit": {"ko": "✖️ 수정 그만두기", "en": "✖️ Stop editing"},
        "form_cancel_edit_confirm": {
            "ko": "고치던 내용을 버릴까요? 제출한 신청서는 그대로 남아요.",
            "en": "Discard your changes? The submitted application stays as it is.",
        },
        "form_cancelled_edit": {
            "ko": "고치던 내용을 버렸어요. 제출한 신청서는 그대로예요. (/myapplication)",
            "en": "Changes discarded; the submitted application is unchanged (/myapplication).",
        },
        "form_review": {
            "ko": "📝 신청 내용을 확인해 주세요. 고칠 곳은 '수정' 버튼을, 다 맞으면 '제출'을 눌러 주세요.",
            "en": "📝 Please check your application. Use the edit buttons, then tap 'Submit'.",
        },
        "form_label_round": {"ko": "공모: {round}", "en": "Call: {round}"},
        "form_label_team_name": {"ko": "팀 이름", "en": "Team"},
        "form_label_title": {"ko": "제목", "en": "Title"},
        "form_label_theme": {"ko": "주제", "en": "Theme"},
        "form_label_description": {"ko": "소개", "en": "Description"},
        "form_label_members": {"ko": "팀원", "en": "Members"},
        "form_label_phone": {"ko": "대표자 연락처", "en": "Representative's mobile"},
        "form_label_budget": {"ko": "예산", "en": "Budget"},
        "form_label_file": {"ko": "제안서 파일", "en": "Proposal file"},
        "form_edit_team_name": {"ko": "✏️ 팀 이름", "en": "✏️ Team"},
        "form_edit_title": {"ko": "✏️ 제목", "en": "✏️ Title"},
        "form_edit_theme": {"ko": "✏️ 주제", "en": "✏️ Theme"},
        "form_edit_description": {"ko": "✏️ 소개", "en": "✏️ Description"},
        "form_edit_members": {"ko": "✏️ 팀원", "en": "✏️ Members"},
        "form_edit_phone": {"ko": "✏️ 연락처", "en": "✏️ Mobile"},
        "form_edit_budget": {"ko": "✏️ 예산", "en": "✏️ Budget"},
        "form_edit_file": {"ko": "✏️ 파일", "en": "✏️ File"},
        "form_submit": {"ko": "📨 제출", "en": "📨 Submit"},
        "form_submitted": {
            "ko": "✅ 제출했어요! 접수번호는 {receipt} 이에요. 공모 마감 전까지 /myapplication 에서 보거나 고치거나 철회할 수 있어요.\n\n{summary}",
            "en": "✅ Submitted! Your receipt number is {receipt}. Until the call closes you can view, edit or withdraw it with /myapplication.\n\n{summary}",
        },
        "form_updated": {
            "ko": "✅ 수정한 내용으로 저장했어요. (접수번호 {receipt})",
            "en": "✅ Your changes were saved (receipt {receipt}).",
        },
        "form_already": {
            "ko": "이번 공모({round})에 이미 신청하셨어요. 접수번호 {receipt}. /myapplication 에서 확인할 수 있어요.",
            "en": "You already applied in this call ({round}): receipt {receipt}. See /myapplication.",
        },
        "form_incomplete": {
            "ko": "아직 채우지 않은 항목이 있어요: {fields}",
            "en": "Some parts are missing: {fields}",
        },
        "form_stale": {
            "ko": "이 버튼은 지금 단계의 것이 아니에요. 지금 질문에 답해 주세요.",
            "en": "That button is not for this step; please answer the current question.",
        },
        "form_empty": {
            "ko": "비어 있어요. 내용을 적어 주세요.",
            "en": "That was empty; please type something.",
        },
        "form_too_long": {
            "ko": "{limit}자 이내로 적어 주세요. (지금 {length}자)",
            "en": "Please keep it to {limit} characters (now {length}).",
        },
        "form_age_number": {
            "ko": "나이는 숫자로 적어 주세요. (예: 24)",
            "en": "Please type the age as a number (e.g. 24).",
        },
        "form_member_age": {
            "ko": "청년 드림팀 팀원은 만 {low}~{high}세여야 해요. 나이를 다시 적거나, '➖ {name} 빼기'를 눌러 이 팀원을 빼 주세요.",
            "en": "Members must be {low} to {high} years old. Type the age again, or tap 'Remove {name}'.",
        },
        "form_member_tie": {
            "ko": "영등포구에 살거나, 일하거나, 활동하는 청년만 팀원이 될 수 있어요. 해당하지 않으면 '➖ {name} 빼기'를 눌러 주세요.",
            "en": "Members must live, work or be active in Yeongdeungpo; if {name} does not, tap 'Remove {name}'.",
        },
        "form_budget_full": {
            "ko": "예산이 이미 팀당 최대 {max}까지 찼어요. 항목을 빼고 다시 넣거나 '다음'을 눌러 주세요.",
            "en": "The budget already reaches the maximum of {max}; remove a line first, or tap 'Next'.",
        },
        "form_keep": {"ko": "↩️ 그대로 두기: {value}", "en": "↩️ Keep: {value}"},
        "form_members_few": {
            "ko": "팀원은 {min}명 이상이어야 해요. (지금 {count}명)",
            "en": "A team needs at least {min} members (now {count}).",
        },
        "form_phone": {
            "ko": "휴대전화번호 형식이 아니에요. 010-1234-5678 처럼 적어 주세요.",
            "en": "That is not a Korean mobile number; type it like 010-1234-5678.",
        },
        "form_amount": {
            "ko": "금액은 원 단위 숫자로 적어 주세요. (예: 300000 또는 30만원)",
            "en": "Please type the amount in won (e.g. 300000).",
        },
        "form_budget_over": {
            "ko": "합계가 팀당 최대 {max}을 넘어요. 이 항목에는 {left}까지 쓸 수 있어요.",
            "en": "The total would exceed {max}; this line can be at most {left}.",
        },
        "form_budget_empty": {
            "ko": "예산 항목을 하나 이상 넣어 주세요.",
            "en": "Please add at least one budget line.",
        },
        "form_too_many": {"ko": "더 넣을 수 없어요.", "en": "You cannot add more."},
        "form_file_too_big": {
            "ko": "파일이 {size}를 넘어요. 더 작은 파일을 보내거나 '건너뛰기'를 눌러 주세요.",
            "en": "The file is over {size}; send a smaller one or tap 'Skip'.",
        },
        "form_photo_not_file": {
            "ko": "사진으로는 받을 수 없어요. 제안서는 📎 첨부에서 '파일'을 골라 문서로 보내 주세요.",
            "en": "Photos cannot be taken here: send the proposal as a file (📎 → File).",
        },
        "form_no_file_now": {
            "ko": "지금은 파일을 받는 단계가 아니에요. 파일은 마지막 단계에서 보내 주세요.",
            "en": "Files are taken at the last step of the form.",
        },
        "form_question_answered": {
            "ko": "📝 신청서 작성 중이에요: 위 질문에 답했어요. 방금 글을 이 칸에 그대로 넣으시려면 한 번 더 보내 주세요.",
            "en": "📝 You are filling in your application: your question is answered above. To put that text in this field after all, send it again.",
        },
        "form_question_not_stored": {
            "ko": "📝 신청서 작성 중이에요: 물음표로 끝나는 글은 질문으로 보고 저장하지 않았어요. 이 칸에 넣을 내용이 맞다면 한 번 더 보내 주세요.",
            "en": "📝 You are filling in your application: a text ending in a question mark was taken for a question and not saved. If it is your answer, send it again.",
        },
        "form_resume_after_answer": {
            "ko": "신청서를 이어서 작성할게요.",
            "en": "Back to your application.",
        },
        "my_none": {
            "ko": "이번 공모에 제출한 신청서가 없어요.",
            "en": "You have no application in this call.",
        },
        "my_application": {
            "ko": "내 신청서 ({receipt}) · 상태: {status}\n\n{summary}",
            "en": "My application ({receipt}) · status: {status}\n\n{summary}",
        },
        "my_edit": {"ko": "✏️ 수정", "en": "✏️ Edit"},
        "my_withdraw": {"ko": "↩️ 철회", "en": "↩️ Withdraw"},
        "my_withdraw_confirm": {
            "ko": "신청을 철회할까요? 철회한 신청서는 되돌릴 수 없어요. 공모가 마감되기 전까지는 /apply 로 새로 신청할 수 있어요 (새 접수번호).",
            "en": "Withdraw your application? A withdrawn application cannot be restored; until the call closes you can apply again with /apply (a new receipt number).",
        },
        "my_withdraw_yes": {"ko": "네, 철회할게요", "en": "Yes, withdraw"},
        "my_withdrawn": {
            "ko": "신청을 철회했어요. (접수번호 {receipt}) 공모가 마감되기 전까지는 /apply 로 새로 신청할 수 있어요.",
            "en": "Your application was withdrawn ({receipt}). Until the call closes you can apply again with /apply.",
        },
        "my_locked": {
            "ko": "공모가 마감되어 더 이상 고치거나 철회할 수 없어요.",
            "en": "The call has closed; the application can no longer be changed.",
        },
        "my_locked_status": {
            "ko": "신청서가 '{status}' 상태가 되어 더 이상 고치거나 철회할 수 없어요. 궁금한 점은 청년지원팀에 문의해 주세요.",
            "en": "Your application is now '{status}', so it can no longer be changed or withdrawn. Please ask the Youth Support Team if you have questions.",
        },
        "form_edit_not_saved": {
            "ko": "고치던 내용은 저장하지 않았어요.",
            "en": "Your changes were not saved.",
        },
        "form_second_not_saved": {
            "ko": "작성하던 신청서는 저장하지 않았어요.",
            "en": "This draft was not saved.",
        },
        "status_submitted": {"ko": "제출", "en": "submitted"},
        "status_reviewing": {"ko": "검토 중", "en": "under review"},
        "status_selected": {"ko": "선정", "en": "selected"},
        "status_rejected": {"ko": "미선정", "en": "not selected"},
        "status_withdrawn": {"ko": "철회", "en": "withdrawn"},
        "status_notice": {
            "ko": "📢 청년 드림팀 신청({receipt}) 상태가 '{status}'(으)로 바뀌었어요.{reason}",
            "en": "📢 Your Dream Team application ({receipt}) is now '{status}'.{reason}",
        },
        "status_notice_reason": {"ko": "\n사유: {reason}", "en": "\nReason: {reason}"},
        "staff_only": {"ko": "담당 직원만 쓸 수 있는 기능이에요.", "en": "This is for staff only."},
        "staff_rounds": {"ko": "어느 공모의 신청서를 볼까요?", "en": "Which call?"},
        "staff_list": {
            "ko": "{round} 신청서 {count}건\n{counts}",
            "en": "{round}: {count} applications\n{counts}",
        },
        "staff_list_one": {
            "ko": "{round} 신청서 {count}건\n{counts}",
            "en": "{round}: {count} application\n{counts}",
        },
        "staff_open": {
            "ko": "{receipt} · {team} · {status}\n\n{summary}\n\n상태를 바꾸려면 아래 버튼을 누르세요.",
            "en": "{receipt} · {team} · {status}\n\n{summary}\n\nTap a button to change the status.",
        },
        "staff_reason": {
            "ko": "✏️ 상태 변경 대기 중: {receipt} · {team}\n'{old}' → '{status}'\n바꾸는 사유를 적어 주세요. 팀에게 그대로 전달돼요.\n다른 명령이나 버튼을 누르면 이 변경은 취소돼요.",
            "en": "✏️ Status change waiting: {receipt} · {team}\n'{old}' → '{status}'\nType the reason; it is sent to the team as written.\nAny other command or button cancels this change.",
        },
        "staff_reason_cancel": {"ko": "✖️ 상태 변경 취소", "en": "✖️ Cancel the change"},
        "staff_reason_cancelled": {
            "ko": "{receipt}을(를) '{status}'(으)로 바꾸려던 것을 취소했어요. 상태는 그대로예요.",
            "en": "The change of {receipt} to '{status}' was cancelled; the status is unchanged.",
        },
        "staff_reason_dropped": {
            "ko": "ℹ️ 사유를 적기 전에 다른 작업을 해서 {receipt}을(를) '{status}'(으)로 바꾸려던 것은 취소했어요.",
            "en": "ℹ️ You moved on before typing a reason, so the change of {receipt} to '{status}' was cancelled.",
        },
        "staff_withdrawn": {
            "ko": "{receipt}은(는) 팀이 철회한 신청서라 상태를 바꿀 수 없어요.",
            "en": "{receipt} was withdrawn by the team; its status cannot be changed.",
        },
        "staff_done": {
            "ko": "{receipt}: '{status}'(으)로 바꿨어요.",
            "en": "{receipt} is now '{status}'.",
        },
        "staff_told": {"ko": "팀에 알렸어요.", "en": "The team was told."},
        "staff_told_later": {
            "ko": "팀 알림은 {at}(한국 시간)에 보내요. (밤 9시~아침 8시에는 보내지 않아요)",
            "en": "The team will be told at {at} (Seoul time): nothing is sent between 21:00 and 08:00.",
        },
        "staff_told_retry": {
            "ko": "팀 알림을 아직 보내지 못했어요. 잠시 후 다시 보내요.",
            "en": "The team's notice could not be sent yet; it will be retried shortly.",
        },
        "staff_not_told": {
            "ko": "팀이 봇을 차단해서 알리지 못했어요. 연락처로 직접 알려 주세요.",
            "en": "The team has blocked the bot, so they were not told; please contact them directly.",
        },
        "staff_cap": {
            "ko": "이 공모는 최대 {cap}팀까지 선정할 수 있어요. 이미 {count}팀을 선정해서 더 선정할 수 없어요.",
            "en": "This call selects at most {cap} teams and {count} are selected already.",
        },
        "staff_proposal": {"ko": "📎 제안서", "en": "📎 Proposal"},
        "staff_proposal_caption": {
            "ko": "📎 {receipt} 제안서",
            "en": "📎 Proposal of {receipt}",
        },
        "staff_proposal_failed": {
            "ko": "{receipt} 제안서 파일을 텔레그램에서 받을 수 없어요. 팀에 다시 보내 달라고 해 주세요.",
            "en": "Telegram no longer has the proposal file of {receipt}; please ask the team to send it again.",
        },
        "staff_export_xlsx": {"ko": "📥 엑셀(.xlsx)", "en": "📥 Excel (.xlsx)"},
        "staff_export_csv": {"ko": "📥 CSV", "en": "📥 CSV"},
        "staff_exported": {"ko": "{round} 신청서 {count}건", "en": "{round}: {count} applications"},
        "staff_exported_members": {"ko": "{round} 팀원 명단", "en": "{round}: team members"},
        "staff_exported_one": {
            "ko": "{round} 신청서 {count}건",
            "en": "{round}: {count} application",
        },
    }
)

CATALOGUE.update(
    {
        "reminder_title": {"ko": "🔔 알림", "en": "🔔 Reminder"},
        "reminder_title_many": {"ko": "🔔 알림 {count}건", "en": "🔔 {count} reminders"},
        "reminder_round_open": {
            "ko": "청년 드림팀 {round} 공모가 시작됐어요. 마감은 {closes}이에요 (담당 팀이 정한 일정). /apply 로 신청할 수 있어요.",
            "en": "The Dream Team call {round} is open until {closes} (dates set by the team in charge). Apply with /apply.",
        },
        "reminder_draft_deadline": {
            "ko": "청년 드림팀 신청서가 아직 제출되지 않았어요. 마감({closes})까지 {days}일 남았어요. /apply 로 이어서 작성하세요.",
            "en": "Your Dream Team application is not submitted yet: {days} day(s) left until {closes}. Continue with /apply.",
        },
        "reminder_draft_deadline_today": {
            "ko": "청년 드림팀 신청서가 아직 제출되지 않았어요. 오늘({closes})이 마감일이에요. /apply 로 이어서 작성하세요.",
            "en": "Your Dream Team application is not submitted yet, and today ({closes}) is the deadline. Continue with /apply.",
        },
        "reminder_off": {"ko": "🔕 {program} 알림 끄기", "en": "🔕 Stop {program} reminders"},
        "subscribe_title": {
            "ko": "알림 받을 사업을 골라 주세요. 🔔 표시가 켜진 알림이에요. 모집·선발·공모 일정을 알려드려요 (밤 9시~아침 8시에는 보내지 않고, 하루 한 번만 모아서 보내요).",
            "en": "Choose programs to be reminded of (🔔 = on). No messages between 21:00 and 08:00, at most one a day.",
        },
        "subscribe_on_label": {"ko": "🔔 {program}", "en": "🔔 {program}"},
        "subscribe_off_label": {"ko": "▫️ {program}", "en": "▫️ {program}"},
        "subscribed": {
            "ko": "🔔 {program} 알림을 켰어요. 다음 일정 알림은 {date}에 보내 드려요.",
            "en": "🔔 Reminders for {program} are on. The next one comes on {date}.",
        },
        "subscribed_no_dates": {
            "ko": (
                "🔔 {program} 알림을 켰어요. 지금은 예정된 일정 알림이 없어요. "
                "담당 팀이 이 사업 구독자에게 보내는 공지는 받으실 수 있어요."
            ),
            "en": (
                "🔔 Reminders for {program} are on. No dated reminder is scheduled for it now; "
                "you will get the notices staff send to its subscribers."
            ),
        },
        "notice_off_programs": {
            "ko": "🔕 이 공지를 받은 사업 알림 끄기",
            "en": "🔕 Stop reminders for these programs",
        },
        "notice_off_none": {
            "ko": "🔕 {program} 알림은 이미 꺼져 있어요.",
            "en": "🔕 Reminders for {program} are already off.",
        },
        "notice_off_test_copy": {
            "ko": "테스트 발송본의 버튼이라 아무것도 바꾸지 않았어요. 실제 공지에서는 받는 분이 구독한 사업의 알림을 꺼요.",
            "en": "This is a test copy, so nothing changed. On the notice itself this button turns off the reminders of the programs the recipient follows.",
        },
        "unsubscribed": {
            "ko": "🔕 {program} 알림을 껐어요.",
            "en": "🔕 Reminders for {program} are off.",
        },
        "my_subscriptions": {
            "ko": "받고 있는 알림: {programs}",
            "en": "Your reminders: {programs}",
        },
        "no_subscriptions": {
            "ko": "받고 있는 알림이 없어요. /subscribe 로 켤 수 있어요.",
            "en": "You have no reminders; turn some on with /subscribe.",
        },
        "card_subscribe": {"ko": "🔔 알림 받기", "en": "🔔 Remind me"},
        "notices_off_button": {"ko": "🔕 전체 공지 그만 받기", "en": "🔕 Stop general notices"},
        "notices_on_button": {"ko": "🔔 전체 공지 다시 받기", "en": "🔔 Get general notices again"},
        "notices_off": {
            "ko": (
                "🔕 모든 이용자·청년에게 보내는 공지를 더 이상 보내지 않을게요. "
                "알림을 켠 사업의 알림과 공지는 그대로 받아요."
            ),
            "en": (
                "🔕 You will no longer get notices sent to everyone or to young people. "
                "Reminders and notices of programs you subscribed to still come."
            ),
        },
        "notices_on": {
            "ko": "🔔 모든 이용자·청년에게 보내는 공지를 다시 받아요.",
            "en": "🔔 You will get notices sent to everyone or to young people again.",
        },
        "notices_on_label": {"ko": "📣 전체 공지: 받음", "en": "📣 General notices: on"},
        "notices_off_label": {"ko": "📣 전체 공지: 안 받음", "en": "📣 General notices: off"},
    }
)

CATALOGUE.update(
    {
        "bc_q_text": {
            "ko": "📣 공지 작성\n보낼 내용을 적어 주세요 ({limit}자 이내). 사진이나 문서를 하나 함께 보낼 수 있어요.",
            "en": "📣 New notice\nType the text ({limit} characters at most). You may send one photo or document with it.",
        },
        "bc_media_saved": {
            "ko": "첨부 파일을 받았어요. 이제 내용을 적어 주세요.",
            "en": "Attachment saved; now type the text.",
        },
        "bc_text_invalid": {
            "ko": "내용은 1~{limit}자로 적어 주세요.",
            "en": "The text must be 1 to {limit} characters.",
        },
        "bc_q_program": {
            "ko": "어느 사업의 공지예요? (공지 아래에 그 사업 안내 버튼과 알림 끄기 버튼이 붙어요)",
            "en": "Which program is this notice about? (Its card and an unsubscribe button are attached.)",
        },
        "bc_q_audience": {
            "ko": "누구에게 보낼까요? (여러 사업의 구독자를 함께 고를 수 있어요)",
            "en": "Who should get it? (You can pick subscribers of several programs.)",
        },
        "bc_all": {"ko": "모든 이용자", "en": "Everyone"},
        "bc_youth": {
            "ko": "청년 (자격 확인에서 만 {low}~{high}세라고 답한 분)",
            "en": "Young people (said {low}-{high} in the eligibility check)",
        },
        "bc_subscribers": {"ko": "{program} 알림 구독자", "en": "Subscribers of {program}"},
        "bc_audience_empty": {
            "ko": "⚠️ 받을 대상을 먼저 골라 주세요: 모든 이용자, 청년, 또는 사업 알림 구독자(하나 이상).",
            "en": "⚠️ Choose who gets it first: everyone, young people, or the subscribers of at least one program.",
        },
        "bc_no_recipients": {
            "ko": "⚠️ 지금 기준 받는 사람이 0명이라 지금 보낼 수 없어요. 대상을 바꾸거나 예약 발송하세요 (예약한 공지는 보낼 때의 대상에게 가요).",
            "en": "⚠️ Nobody would get it now (0 recipients). Change the audience, or schedule it: a scheduled notice goes to the audience as it is at its time.",
        },
        "bc_preview": {
            "ko": (
                "📣 미리보기 · 받는 사람 지금 기준 {count}명 (발송을 시작할 때 다시 세요)"
                "\n사업: {program}\n대상: {audience}"
            ),
            "en": (
                "📣 Preview · {count} recipients as of now (counted again when sending starts)"
                "\nProgram: {program}\nAudience: {audience}"
            ),
        },
        "bc_test": {"ko": "🧪 나에게 테스트 발송", "en": "🧪 Send me a test copy"},
        "bc_now": {"ko": "🚀 지금 발송", "en": "🚀 Send now"},
        "bc_later": {"ko": "⏰ 예약 발송", "en": "⏰ Schedule"},
        "bc_q_schedule": {
            "ko": "보낼 날짜와 시각을 한국 시간으로 적어 주세요. (예: 2018-04-10 14:00)",
            "en": "Date and time in Seoul time (e.g. 2018-04-10 14:00).",
        },
        "bc_time_invalid": {
            "ko": "날짜·시각 형식이 맞지 않거나 이미 지난 시각이에요. 2018-04-10 14:00 처럼 적어 주세요.",
            "en": "That is not a future date and time like 2018-04-10 14:00.",
        },
        "bc_scheduled": {
            "ko": "⏰ 공지 #{id}를 {at}(한국 시간)에 보내도록 예약했어요. /broadcasts 에서 볼 수 있어요.",
            "en": "⏰ Notice #{id} is scheduled for {at} (Seoul time). See /broadcasts.",
        },
        "bc_test_sent": {
            "ko": "🧪 테스트 공지를 보냈어요. 위 메시지를 확인해 주세요.",
            "en": "🧪 Test copy sent.",
        },
        "bc_test_failed": {
            "ko": "테스트 발송에 실패했어요.",
            "en": "The test copy could not be sent.",
        },
        "bc_discard": {"ko": "✖️ 공지 작성 취소", "en": "✖️ Discard notice"},
        "bc_cancelled": {"ko": "공지 작성을 취소했어요.", "en": "Notice discarded."},
        "bc_stop": {"ko": "⏹ 중지", "en": "⏹ Stop"},
        "bc_progress_sending": {
            "ko": "📣 발송 중… 보냄 {sent} · 차단 {blocked} · 실패 {failed} · 남음 {left} / 전체 {total} · 예상 남은 시간 {eta}",
            "en": "📣 Sending… sent {sent} · blocked {blocked} · failed {failed} · left {left} / {total} · ETA {eta}",
        },
        "bc_progress_done": {
            "ko": "✅ 발송 완료: 보냄 {sent} · 차단 {blocked} · 실패 {failed} / 전체 {total}",
            "en": "✅ Done: sent {sent} · blocked {blocked} · failed {failed} / {total}",
        },
        "bc_progress_stopped": {
            "ko": "⏹ 발송 중지: 보냄 {sent} · 차단 {blocked} · 실패 {failed} · 보내지 않음 {left} / 전체 {total}",
            "en": "⏹ Stopped: sent {sent} · blocked {blocked} · failed {failed} · not sent {left} / {total}",
        },
        "bc_line": {
            "ko": "#{id} {at} · {status} · {program} · 보냄 {sent}/{total} (차단 {blocked}, 실패 {failed})",
            "en": "#{id} {at} · {status} · {program} · sent {sent}/{total} (blocked {blocked}, failed {failed})",
        },
        "bc_line_scheduled": {
            "ko": "#{id} {at} · {status} · {program} · 받는 사람은 보낼 때 정해져요",
            "en": "#{id} {at} · {status} · {program} · recipients are counted when it starts",
        },
        "bc_unschedule": {"ko": "✖️ #{id} 예약 취소", "en": "✖️ Cancel #{id}"},
        "bc_unscheduled": {
            "ko": "✖️ 예약한 공지 #{id}를 취소했어요.",
            "en": "✖️ Scheduled notice #{id} cancelled.",
        },
        "bc_none": {"ko": "보낸 공지가 없어요.", "en": "No notices yet."},
        "bc_status_scheduled": {"ko": "예약", "en": "scheduled"},
        "bc_status_sending": {"ko": "발송 중", "en": "sending"},
        "bc_status_done": {"ko": "완료", "en": "done"},
        "bc_status_stopped": {"ko": "중지", "en": "stopped"},
        "bc_status_cancelled": {"ko": "예약 취소", "en": "cancelled"},
    }
)

CATALOGUE.update(
    {
        "handoff_button": {"ko": "🙋 상담원 연결", "en": "🙋 Talk to a person"},
        "handoff_unavailable": {
            "ko": "지금은 상담원 연결을 할 수 없어요. 영등포구 일자리정책과 담당 팀에 직접 문의해 주세요.",
            "en": "A person is not available here right now; please contact the division's team directly.",
        },
        "handoff_sent": {
            "ko": "🙋 담당 직원에게 질문을 전달했어요. 답변이 오면 이 대화로 알려드릴게요. 추가로 적으시는 내용도 함께 전달돼요.",
            "en": "🙋 Your question was passed to staff. Their answer will come here; anything more you write is passed on too.",
        },
        "handoff_after_hours": {
            "ko": "지금은 상담 시간(평일 {hours})이 아니어서 답변이 늦을 수 있어요.",
            "en": "It is outside office hours (weekdays {hours}), so the answer may take a while.",
        },
        "handoff_end": {"ko": "✅ 상담 끝내기", "en": "✅ End the conversation"},
        "handoff_staff": {
            "ko": "🙋 상담 요청 #{id} ({name})\n주민이 보낸 최근 메시지:\n{messages}\n\n이 메시지에 '답장'하면 주민에게 전달돼요.",
            "en": "🙋 Request #{id} ({name})\nRecent messages:\n{messages}\n\nReply to this message to answer.",
        },
        "handoff_no_messages": {"ko": "(없음)", "en": "(none)"},
        "handoff_followup": {"ko": "💬 #{id} 주민: {text}", "en": "💬 #{id} resident: {text}"},
        "handoff_ask": {
            "ko": "🙋 담당 직원에게 전달할 질문을 적어 주세요. 다음에 보내시는 메시지를 전달할게요.",
            "en": "🙋 Please type your question for staff; I will pass on your next message.",
        },
        "handoff_open": {
            "ko": "🙋 담당 직원과 연결되어 있어요. 적으시는 내용은 바로 전달돼요. 끝내려면 /cancel",
            "en": "🙋 You are connected to staff; what you write goes to them. /cancel ends it.",
        },
        "handoff_ask_cancelled": {
            "ko": "상담원 연결을 취소했어요.",
            "en": "The request to talk to a person was cancelled.",
        },
        "handoff_media_followup": {
            "ko": "💬 #{id} 주민이 보낸 자료예요 (아래):",
            "en": "💬 #{id} the resident sent this (below):",
        },
        "handoff_media_reply": {
            "ko": "👩‍💼 담당 직원이 보낸 자료예요 (아래):",
            "en": "👩‍💼 Staff sent you this (below):",
        },
        "handoff_followup_sent": {
            "ko": "💬 담당 직원에게 전달했어요. 이어서 적으시는 내용도 전달돼요. 상담을 끝내려면 /cancel",
            "en": "💬 Passed to staff; anything more you write is passed on too. /cancel ends it.",
        },
        "handoff_reply": {"ko": "👩‍💼 담당 직원: {text}", "en": "👩‍💼 Staff: {text}"},
        "handoff_close": {"ko": "✅ 상담 종료", "en": "✅ Close"},
        "handoff_closed": {"ko": "#{id} 상담을 종료했어요.", "en": "#{id} closed."},
        "handoff_closed_by_resident": {
            "ko": "#{id} 주민이 상담을 끝냈어요.",
            "en": "#{id} was ended by the resident.",
        },
        "handoff_closed_already": {
            "ko": "#{id}는 이미 종료된 상담이에요.",
            "en": "#{id} is already closed.",
        },
        "handoff_ended_quiet": {
            "ko": "담당 직원과의 대화가 {hours}시간 동안 없어서 상담 연결을 마쳤어요. 이제 보내시는 질문에는 제가 답해 드려요. 직원과 다시 이야기하려면 🙋 상담원 연결을 눌러 주세요.",
            "en": "Nothing was said with staff for {hours} hours, so the conversation with them has ended. I answer your messages again; press 🙋 to reach staff again.",
        },
        "handoff_closed_quiet": {
            "ko": "#{id} {hours}시간 동안 대화가 없어 상담을 마쳤어요. 주민의 새 메시지는 봇이 답해요.",
            "en": "#{id} ended after {hours} hours without messages.",
        },
        "handoff_ended": {
            "ko": "상담이 끝났어요. 궁금한 것이 있으면 언제든 다시 물어보세요.",
            "en": "The conversation has ended. Ask me anything any time.",
        },
    }
)

CATALOGUE.update(
    {
        "unq_none": {"ko": "답하지 못한 질문이 없어요.", "en": "No unanswered questions."},
        "unq_title": {
            "ko": "❔ 답하지 못한 질문 ({groups}묶음, 최근 순)",
            "en": "❔ Unanswered questions ({groups} groups, newest first)",
        },
        "unq_line": {
            "ko": '{n}. {count}회 · {when} · "{text}" · 사업: {program}',
            "en": '{n}. {count}× · {when} · "{text}" · program: {program}',
        },
        "unq_page": {
            "ko": "{first}~{last}번째 묶음 (전체 {total}묶음)",
            "en": "Groups {first} to {last} of {total}",
        },
        "unq_untagged": {"ko": "미지정", "en": "none"},
        "unq_done": {"ko": "✅ {n} 처리", "en": "✅ {n} handled"},
        "unq_tag": {"ko": "🏷 {n} 사업 지정", "en": "🏷 {n} program"},
        "unq_choose": {
            "ko": '"{text}" 묶음은 어느 사업 질문이에요?',
            "en": 'Which program is "{text}" about?',
        },
        "stats_chart_title": {"ko": "최근 14일 질문 수", "en": "Questions, last 14 days"},
        "stats_caption": {
            "ko": "📊 최근 14일 질문 수와 많이 물어본 사업",
            "en": "📊 Questions per day and top programs",
        },
        "stats_text": {
            "ko": "📊 이용 통계\n이용자 {users}명 (활성 {active}명)\n질문 {questions}건 (오늘 {today}건) · 답하지 못한 비율 {rate}\n많이 물어본 사업: {programs}\n많이 물어본 주제: {topics}\n자격 확인 결과 본 사람: {screener}명\n드림팀 신청: {applications}\n공지 발송: 보냄 {delivered} · 차단 {blocked}",
            "en": "📊 Statistics\nUsers {users} (active {active})\nQuestions {questions} (today {today}) · unanswered {rate}\nTop programs: {programs}\nTop topics: {topics}\nScreener results: {screener}\nDream Team applications: {applications}\nNotices: sent {delivered} · blocked {blocked}",
        },
    }
)

CATALOGUE.update(
    {
        # Won amounts (bot/money.py).
        "krw": {"ko": "{amount}원", "en": "KRW {amount}"},
        "krw_eok": {"ko": "{amount}억원", "en": "{million} million won"},
        "schema_behind": {
            "ko": "데이터베이스가 최신 구조가 아니에요 / {error}",
            "en": "The database schema is out of date / {error}",
        },
    }
)

CATALOGUE.update(
    {
        "flood": {
            "ko": "메시지가 너무 빨리 오고 있어요. 잠시 후 다시 보내 주세요.",
            "en": "You are sending messages very fast; please wait a moment.",
        },
        "edited_message": {
            "ko": "메시지를 고치셨네요. 고친 내용은 새 메시지로 다시 보내 주세요.",
            "en": "I do not read edits; please send the corrected text as a new message.",
        },
    }
)

COMMAND_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "start": {"ko": "처음 화면", "en": "Home"},
    "help": {"ko": "도움말", "en": "Help"},
    "lang": {"ko": "언어 바꾸기 (한국어/English)", "en": "Change language"},
    "check": {"ko": "자격 확인 (어떤 사업을 신청할 수 있는지)", "en": "Which programs can I join?"},
    "apply": {"ko": "청년 드림팀 신청", "en": "Apply to the Dream Team call"},
    "myapplication": {"ko": "내 드림팀 신청서 보기·수정·철회", "en": "My Dream Team application"},
    "applications": {
        "ko": "(직원) 드림팀 신청서 검토·내보내기",
        "en": "(staff) Review and export applications",
    },
    "broadcast": {"ko": "(직원) 모집 공지 보내기", "en": "(staff) Send a notice"},
    "broadcasts": {"ko": "(직원) 보낸 공지와 발송 결과", "en": "(staff) Past notices"},
    "unanswered": {"ko": "(직원) 답하지 못한 질문 모아 보기", "en": "(staff) Unanswered questions"},
    "stats": {"ko": "(직원) 이용 통계", "en": "(staff) Statistics"},
    "subscribe": {"ko": "알림 설정 (모집·선발 일정)", "en": "Reminders"},
    "mysubscriptions": {"ko": "받고 있는 알림 보기", "en": "My reminders"},
    "forget": {"ko": "내 기록 지우기 (자격 확인, 임시 저장)", "en": "Delete my answers and drafts"},
    "cancel": {"ko": "진행 중인 것 취소", "en": "Cancel what is in progress"},
}


# The spreadsheet staff export: column headers and sheet names.
CATALOGUE.update(
    {
        "export_col_receipt": {"ko": "접수번호", "en": "Receipt"},
        "export_col_status": {"ko": "상태", "en": "Status"},
        "export_col_reason": {"ko": "사유", "en": "Reason"},
        "export_col_team": {"ko": "팀 이름", "en": "Team"},
        "export_col_title": {"ko": "제목", "en": "Title"},
        "export_col_theme": {"ko": "주제", "en": "Theme"},
        "export_col_description": {"ko": "소개", "en": "Description"},
        "export_col_phone": {"ko": "대표자 연락처", "en": "Representative's phone"},
        "export_col_members": {"ko": "팀원 수", "en": "Members"},
        "export_col_budget_total": {"ko": "예산 합계(원)", "en": "Budget total (KRW)"},
        "export_col_file": {"ko": "제안서 파일", "en": "Proposal file"},
        "export_col_submitted_at": {"ko": "제출 시각(한국 시간)", "en": "Submitted (Korea time)"},
        "export_col_name": {"ko": "이름", "en": "Name"},
        "export_col_age": {"ko": "나이", "en": "Age"},
        "export_col_tie": {"ko": "영등포구와의 관계", "en": "Tie to Yeongdeungpo"},
        "export_col_item": {"ko": "항목", "en": "Item"},
        "export_col_amount": {"ko": "금액(원)", "en": "Amount (KRW)"},
        "export_sheet_applications": {"ko": "신청서", "en": "Applications"},
        "export_sheet_members": {"ko": "팀원", "en": "Members"},
        "export_sheet_budget": {"ko": "예산", "en": "Budget"},
    }
)


def t(key: str, lang: Lang = "ko", **values: object) -> str:
    """The catalogue text for `key` in `lang` (Korean when no translation), formatted."""
    entry = CATALOGUE[key]
    template = entry.get(lang) or entry["ko"]
    return template.format(**values) if values else template


def t_count(key: str, lang: Lang, count: int, **values: object) -> str:
    """t() for a sentence about `count` things: `<key>_one` for one thing where the catalogue
    has it (English says "1 member", Korean needs no other form)."""
    if count == 1 and f"{key}_one" in CATALOGUE:
        key = f"{key}_one"
    return t(key, lang, count=count, **values)
