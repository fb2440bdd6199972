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
    "team_line": {
        "ko": "담당: 일자리정책과 {teams}",
        "en": "In charge: Job Policy Division, {teams}",
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
            "영등포구 일자리정책과 담당 팀:\n{teams}"
        ),
        "en": (
            "Sorry, my source does not cover that, so I cannot answer it reliably.\n"
            "I cover: public works and community jobs, youth jobs, internships and the Dream Team, "
            "the social economy, and employment support.\n"
            "Teams of the Job Policy Division, Yeongdeungpo-gu:\n{teams}"
        ),
    },
    "fallback_team_row": {"ko": "• {team}: {duties}", "en": "• {team}: {duties}"},
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
            "ko": "몇 가지만 여쭤보고 신청할 수 있는 사업을 알려드릴게요. 모르시면 '모름/건너뛰기'를 누르세요. 답은 결과를 보여드리는 데만 쓰고, 담당자에게 전달하지 않아요.",
            "en": "A few questions, then I will tell you which programs fit. Tap 'Skip' when you are not sure. Your answers are used only for this result and are not shared with staff.",
        },
        "screener_progress": {
            "ko": "자격 확인 {number}번째 질문",
            "en": "Eligibility check, question {number}",
        },
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
            "ko": "함께 사는 가구원은 모두 몇 명이에요? (본인 포함)",
            "en": "How many people live in your household (including you)?",
        },
        "screener_q_household_income_pct_median": {
            "ko": "가구의 한 달 소득은 얼마쯤이에요? (2018년 기준중위소득 기준)",
            "en": "About how much does your household earn a month? (2018 median income)",
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
        "forgot": {
            "ko": "자격 확인 답과 결과를 지웠어요.",
            "en": "Your eligibility answers and result were deleted.",
        },
        "nothing_to_forget": {
            "ko": "지울 자격 확인 기록이 없어요.",
            "en": "There is nothing to delete.",
        },
        "check_my_eligibility": {"ko": "✅ 내 자격 확인하기", "en": "✅ Check my eligibility"},
    }
)

COMMAND_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "start": {"ko": "처음 화면", "en": "Home"},
    "help": {"ko": "도움말", "en": "Help"},
    "lang": {"ko": "언어 바꾸기 (한국어/English)", "en": "Change language"},
    "check": {"ko": "자격 확인 (어떤 사업을 신청할 수 있는지)", "en": "Which programs can I join?"},
    "forget": {"ko": "자격 확인 기록 지우기", "en": "Delete my eligibility answers"},
    "cancel": {"ko": "진행 중인 것 취소", "en": "Cancel what is in progress"},
}


def t(key: str, lang: Lang = "ko", **values: object) -> str:
    """The catalogue text for `key` in `lang` (Korean when no translation), formatted."""
    entry = CATALOGUE[key]
    template = entry.get(lang) or entry["ko"]
    return template.format(**values) if values else template
