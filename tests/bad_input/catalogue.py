"""The catalogue of bad input: every case of issue #10, item 3, for every public form, pointing at
the test that pins down the exact response. Cases already covered beside their app are referenced
there rather than repeated; a case that cannot arise for a form says why.
tests/bad_input/test_catalogue.py fails if a cell is missing or a referenced test is gone.

Forms: the newsletter sign-up page, the footer form (posts to it with the page it was on), the
petition and pledge pages, the widget partners embed (actions.action_views.embed), the voice
form (AddYourVoicePage), the letter form (LetterPage: nothing typed is stored, it goes into the
letters and the optional email copy), the call form (CallPage: nothing typed is stored, it
goes into the call script; each outcome button posts a signed call list) and the site search.
"""

FORMS = (
    "newsletter",
    "footer",
    "petition",
    "pledge",
    "embed",
    "voice",
    "letter",
    "call",
    "search",
)

BI = "tests/bad_input"
VOICES = "tests/testimonials/test_bad_input.py"
PETITIONS = "tests/actions/petitions/test_petition_input.py"
NEWSLETTER = "tests/actions/newsletter/test_newsletter.py"
LETTERS = "tests/actions/letters"
LETTER = f"{BI}/test_letter.py"
CALLS = "tests/actions/calls"
CALL = f"{CALLS}/test_call_bad_input.py"


def ref(path: str, *names: str) -> list[str]:
    return [f"{path}::{name}" for name in names]


def na(reason: str) -> list[str]:
    return [f"n/a: {reason}"]


MARKUP = ref(f"{BI}/test_markup.py", "test_script_in_every_field")
SIGNATURE_FORMULAS = ref(
    f"{BI}/test_formulas.py", "test_formulas_in_signers_names_are_exported_as_text"
) + ref(
    "tests/actions/petitions/test_petition_admin.py",
    "test_xlsx_export_keeps_formulas_and_script_as_plain_text",
)
SUBSCRIBER_FORMULAS = ref(
    f"{BI}/test_formulas.py", "test_formulas_in_subscribers_names_are_exported_as_text"
) + ref("tests/actions/newsletter/test_admin.py", "test_xlsx_export_keeps_formulas_as_text")
LONG = ref(
    f"{BI}/test_text.py", "test_10000_characters_get_a_message_next_to_the_field_and_are_kept"
)
UNICODE = ref(
    f"{BI}/test_text.py",
    "test_emoji_right_to_left_text_and_direction_overrides",
    "test_addresses_with_emoji_overrides_or_spaces_are_refused_clearly",
)
NUL = ref(f"{BI}/test_text.py", "test_a_nul_byte_gets_a_message_next_to_the_field")
WHITESPACE = ref(
    f"{BI}/test_text.py", "test_whitespace_only_in_a_required_field_is_asked_for_again"
)
SIGNATURE_RACE = ref(
    f"{BI}/test_concurrency.py",
    "test_a_signature_that_loses_the_race_is_answered_as_already_signed",
) + ref(
    "tests/actions/petitions/test_petition_concurrency.py",
    "test_the_same_address_at_the_same_moment_is_one_signature",
)
SUBSCRIBER_RACE = ref(
    f"{BI}/test_concurrency.py",
    "test_a_subscription_that_loses_the_race_is_one_subscriber_asked_to_confirm",
    "test_the_same_subscription_and_voice_from_many_tabs_at_once",
)
RESUBMIT = ref(f"{BI}/test_resubmit.py", "test_refresh_and_back_resubmit_save_and_send_once")
NO_TOKEN = ref(f"{BI}/test_csrf.py", "test_public_forms_take_a_post_without_a_token")
CSRF_WHERE_USED = ref(
    f"{BI}/test_csrf.py",
    "test_a_bad_token_gets_a_403_in_the_visitors_language",
    "test_a_post_to_a_page_that_takes_none_is_the_same_403",
    "test_the_admin_login_without_a_token_is_refused_in_the_browsers_language",
)
FILE_TO_FORM_WITHOUT_UPLOADS = ref(
    f"{BI}/test_uploads.py", "test_a_50_mb_file_sent_to_a_form_that_takes_none_is_refused_unread"
)
FILE_TO_SIGNATURE = ref(
    f"{BI}/test_uploads.py",
    "test_a_file_sent_to_a_signature_form_is_refused_with_the_forms_own_message",
) + ref(PETITIONS, "test_a_huge_post_is_refused_clearly")
MANY_FIELDS = ref(
    f"{BI}/test_requests.py",
    "test_more_than_1000_fields_is_a_400_page_and_nothing_is_saved",
    "test_1000_fields_in_all_are_still_read",
)
BAD_HOST = ref(
    f"{BI}/test_requests.py",
    "test_a_post_with_a_host_that_is_not_ours_is_a_400_and_nothing_is_saved",
)
UNKNOWN_PREFIX = ref(
    f"{BI}/test_requests.py", "test_an_unknown_language_prefix_is_a_404_for_pages_and_forms"
) + ref("tests/home/test_i18n.py", "test_unknown_language_prefix_is_a_not_found_page_not_an_error")
NO_TRANSLATION = ref(
    f"{BI}/test_requests.py",
    "test_a_form_page_with_no_translation_is_a_spanish_404_and_takes_no_post",
) + ref("tests/home/test_i18n.py", "test_switcher_falls_back_to_the_nearest_translated_ancestor")
CACHE = ref(
    f"{BI}/test_requests.py",
    "test_tracking_parameters_share_one_cached_page_and_are_never_reflected",
    "test_random_query_strings_get_the_ordinary_page_and_poison_nothing",
    "test_what_one_visitor_typed_never_reaches_the_cache",
    "test_a_signers_thank_you_is_never_cached",
) + ref("tests/core/test_page_cache.py", "test_tracking_parameters_share_the_cached_page")
SIGNATURE_DATA = ref(
    f"{BI}/test_permissions.py",
    "test_an_editor_who_edits_the_petition_opens_no_data",
    "test_campaign_data_staff_open_the_supporters_data_and_the_erasure_tools",
) + ref(
    "tests/actions/petitions/test_petition_admin.py",
    "test_an_editor_who_can_edit_the_petition_cannot_see_signatures",
    "test_viewing_without_the_export_permission_cannot_export",
)
SUBSCRIBER_DATA = ref(
    f"{BI}/test_permissions.py", "test_an_editor_who_edits_the_petition_opens_no_data"
) + ref(
    "tests/actions/newsletter/test_admin.py",
    "test_staff_without_permission_cannot_see_subscribers",
    "test_viewing_without_the_export_permission_cannot_export",
)
NO_UPLOAD = (
    "it has no file field; files sent anyway are covered under 'upload to a form without one'"
)

CATALOGUE: dict[str, dict[str, list[str]]] = {
    "script and HTML in every field, escaped in pages, admin, emails and exports": {
        "newsletter": MARKUP + ref(NEWSLETTER, "test_script_in_a_name_is_escaped_in_the_email"),
        "footer": MARKUP,
        "petition": MARKUP
        + ref(PETITIONS, "test_what_was_typed_is_kept_and_script_is_escaped_everywhere"),
        "pledge": MARKUP,
        "embed": MARKUP,
        "voice": MARKUP + ref(VOICES, "test_script_and_html_are_stored_as_typed_and_shown_escaped"),
        "letter": MARKUP
        + ref(
            f"{LETTERS}/test_letter_flow.py",
            "test_script_in_the_name_is_text_in_the_page_and_the_email",
        )
        + ref(f"{LETTERS}/test_letter_defences.py", "test_no_input_gives_a_500"),
        "call": MARKUP
        + ref(CALL, "test_script_typed_as_a_name_is_escaped_on_the_card_and_in_the_next"),
        "search": ref(f"{BI}/test_markup.py", "test_script_in_a_search_is_shown_escaped"),
    },
    "markup inside a valid (quoted) email address": {
        form: ref(
            f"{BI}/test_markup.py",
            "test_markup_in_a_valid_quoted_email_address_is_escaped_everywhere",
        )
        for form in ("newsletter", "footer", "petition", "pledge", "embed")
    }
    | {
        "voice": ref(VOICES, "test_script_and_html_are_stored_as_typed_and_shown_escaped"),
        "letter": ref(LETTER, "test_markup_in_a_valid_quoted_address_is_escaped_on_the_page"),
        "call": na("no address field"),
        "search": na("no address field"),
    },
    "spreadsheet formulas in names, XLSX and CSV exports safe": {
        "newsletter": SUBSCRIBER_FORMULAS,
        "footer": SUBSCRIBER_FORMULAS,
        "petition": SIGNATURE_FORMULAS,
        "pledge": SIGNATURE_FORMULAS,
        "embed": SIGNATURE_FORMULAS,
        "voice": na("voice submissions have no export; names reach only pages and emails"),
        "letter": ref(
            f"{LETTERS}/test_letters_report.py",
            "test_the_csv_has_one_row_per_legislator_and_no_formula",
        ),
        "call": ref(
            f"{CALLS}/test_calls_report.py",
            "test_the_downloads_have_one_row_per_legislator_and_no_formula",
        ),
        "search": na("nothing is stored or exported"),
    },
    "10,000-character text": {
        "newsletter": LONG,
        "footer": LONG,
        "petition": LONG + ref(PETITIONS, "test_bad_input_is_a_clear_message_next_to_the_field"),
        "pledge": LONG,
        "embed": LONG,
        "voice": LONG + ref(VOICES, "test_a_10000_character_quote_gets_a_clear_error_and_is_kept"),
        "letter": LONG,
        "call": LONG + ref(CALL, "test_a_name_too_long_is_explained_beside_the_field"),
        "search": ref(f"{BI}/test_text.py", "test_search_answers_any_text"),
    },
    "emoji, ZWJ sequences, right-to-left text and U+202E": {
        "newsletter": UNICODE,
        "footer": ref(
            f"{BI}/test_text.py",
            "test_addresses_with_emoji_overrides_or_spaces_are_refused_clearly",
        ),
        "petition": UNICODE
        + ref(f"{BI}/test_text.py", "test_an_internationalised_domain_is_accepted"),
        "pledge": UNICODE,
        "embed": UNICODE,
        "voice": UNICODE + ref(VOICES, "test_emoji_and_right_to_left_text_are_kept_and_isolated"),
        "letter": UNICODE[1:]
        + ref(
            LETTER,
            "test_emoji_and_right_to_left_names_reach_the_letters_without_direction_overrides",
        ),
        "call": ref(CALL, "test_emoji_and_right_to_left_names_reach_the_script_without_overrides"),
        "search": ref(f"{BI}/test_text.py", "test_search_answers_any_text"),
    },
    "NUL bytes": {
        "newsletter": NUL,
        "footer": NUL,
        "petition": NUL,
        "pledge": NUL,
        "embed": NUL,
        "voice": ref(VOICES, "test_a_nul_byte_is_refused_clearly"),
        "letter": NUL,
        "call": NUL,
        "search": ref(
            "tests/security/test_fuzz.py",
            "test_search_cases_the_fuzzer_found_or_that_mean_something_to_the_search_engine",
        ),
    },
    "whitespace-only values": {
        "newsletter": WHITESPACE
        + ref(f"{BI}/test_text.py", "test_whitespace_only_in_an_optional_field_is_saved_as_empty")
        + ref(
            NEWSLETTER, "test_bad_input_is_a_clear_message_next_to_the_field_and_nothing_is_saved"
        ),
        "footer": WHITESPACE,
        "petition": WHITESPACE
        + ref(PETITIONS, "test_bad_input_is_a_clear_message_next_to_the_field"),
        "pledge": WHITESPACE,
        "embed": WHITESPACE,
        "voice": ref(VOICES, "test_whitespace_only_required_fields_are_refused")
        + ref(f"{BI}/test_text.py", "test_whitespace_only_in_an_optional_field_is_saved_as_empty"),
        "letter": WHITESPACE,
        "call": WHITESPACE
        + ref(
            f"{CALLS}/test_call_flow.py",
            "test_a_caller_who_gives_no_name_sees_labels_in_the_script",
        ),
        "search": ref(f"{BI}/test_text.py", "test_search_answers_any_text"),
    },
    "the same email twice at once": {
        "newsletter": SUBSCRIBER_RACE,
        "footer": SUBSCRIBER_RACE[:1],
        "petition": SIGNATURE_RACE,
        "pledge": SIGNATURE_RACE[:1],
        "embed": SIGNATURE_RACE[:1],
        "voice": SUBSCRIBER_RACE[1:]
        + ref(f"{BI}/test_resubmit.py", "test_refresh_and_back_resubmit_save_and_send_once"),
        "letter": ref(
            f"{BI}/test_concurrency.py",
            "test_the_same_letters_from_many_tabs_at_once_count_once_with_one_copy",
        ),
        "call": ref(CALL, "test_two_presses_at_once_make_one_row")
        + ref(
            f"{BI}/test_concurrency.py",
            "test_the_same_call_outcome_from_many_tabs_at_once_counts_once",
        ),
        "search": na("a search stores nothing"),
    },
    "refresh and back-resubmit after POST": dict.fromkeys(
        ("newsletter", "footer", "petition", "pledge", "embed"), RESUBMIT
    )
    | {
        "voice": RESUBMIT
        + ref(
            f"{BI}/test_resubmit.py",
            "test_the_same_voice_sent_again_later_with_other_words_is_a_second_voice",
        ),
        "letter": ref(
            LETTER,
            "test_a_refresh_or_a_second_press_counts_the_letters_once_and_emails_once",
            "test_back_and_asking_for_the_copy_after_all_sends_it_without_counting_again",
        ),
        "call": ref(
            f"{CALLS}/test_call_flow.py", "test_the_same_outcome_posted_again_is_counted_once"
        ),
        "search": na("a GET form: refreshing it searches again, harmlessly"),
    },
    "missing, forged or expired CSRF token where one is used (403 in the visitor's language)": {
        "newsletter": ref(
            "tests/core/test_page_cache.py",
            "test_the_signup_page_takes_a_post_without_a_csrf_token",
        )
        + CSRF_WHERE_USED,
        "footer": NO_TOKEN,
        "petition": NO_TOKEN + CSRF_WHERE_USED,
        "pledge": NO_TOKEN,
        "embed": ref(
            "tests/actions/petitions/test_petition_embeds.py",
            "test_the_widget_takes_a_post_without_a_csrf_token",
        ),
        "voice": ref(VOICES, "test_a_post_without_csrf_token_is_accepted"),
        "letter": ref(
            f"{LETTERS}/test_letter_defences.py",
            "test_posting_without_a_csrf_token_is_accepted_here",
        ),
        "call": ref(CALL, "test_posting_without_a_csrf_token_is_accepted_here"),
        "search": na("a GET form; it changes nothing, so it carries no token"),
    },
    "uploads of 50 MB, a non-image and a decompression bomb": {
        "newsletter": FILE_TO_FORM_WITHOUT_UPLOADS,
        "footer": FILE_TO_FORM_WITHOUT_UPLOADS,
        "petition": FILE_TO_SIGNATURE,
        "pledge": FILE_TO_SIGNATURE,
        "embed": FILE_TO_SIGNATURE,
        "voice": ref(
            VOICES,
            "test_a_50_mb_upload_is_refused_without_being_stored",
            "test_a_file_that_is_not_an_image_is_refused",
            "test_an_svg_or_huge_pixel_count_is_refused",
        )
        + ref(
            f"{BI}/test_uploads.py", "test_a_decompression_bomb_is_refused_without_being_decoded"
        ),
        "letter": FILE_TO_FORM_WITHOUT_UPLOADS
        + ref(
            f"{LETTERS}/test_letter_defences.py", "test_a_huge_post_is_refused_before_it_is_read"
        ),
        "call": FILE_TO_FORM_WITHOUT_UPLOADS
        + ref(CALL, "test_a_huge_post_is_refused_without_an_error_page"),
        "search": na("a GET request carries no file"),
    },
    "more than 1,000 POST fields": dict.fromkeys(
        ("newsletter", "footer", "petition", "pledge", "embed", "voice", "letter", "call"),
        MANY_FIELDS,
    )
    | {
        "search": ref(
            f"{BI}/test_requests.py", "test_a_search_with_more_than_1000_parameters_is_a_400"
        )
    },
    "an unknown language prefix": dict.fromkeys(
        ("newsletter", "footer", "petition", "pledge", "embed", "voice", "letter", "call"),
        UNKNOWN_PREFIX,
    )
    | {
        "search": ref(
            f"{BI}/test_requests.py", "test_a_search_under_an_unknown_prefix_is_not_found"
        )
    },
    "a page with no translation": dict.fromkeys(
        ("newsletter", "footer", "petition", "pledge", "voice", "letter", "call"), NO_TRANSLATION
    )
    | {
        "embed": ref(
            f"{BI}/test_requests.py",
            "test_the_widget_of_an_untranslated_action_shows_and_signs_the_original",
        )
        + ref(
            "tests/actions/petitions/test_petition_embeds.py",
            "test_the_widget_follows_the_language_in_its_address",
        ),
        "search": na("not a page: the same view answers under every prefix"),
    },
    "a bad Host header": dict.fromkeys(
        ("newsletter", "footer", "petition", "pledge", "embed", "voice", "letter", "call"), BAD_HOST
    )
    | {
        "search": ref(
            f"{BI}/test_requests.py", "test_a_search_with_a_host_that_is_not_ours_is_a_400"
        )
        + ref("tests/security/test_fuzz.py", "test_a_bad_host_header_is_a_400_never_a_500"),
    },
    "utm_ and random query strings against the cache": dict.fromkeys(
        ("newsletter", "footer", "petition", "pledge", "embed", "voice"), CACHE
    )
    | {
        "letter": ref(
            LETTER, "test_letters_never_reach_the_page_cache_and_query_strings_write_none"
        )
        + ref(
            f"{LETTERS}/test_letter_defences.py", "test_a_get_with_odd_parameters_is_the_plain_form"
        ),
        "call": ref(
            CALL, "test_call_cards_never_reach_the_page_cache_and_query_strings_write_none"
        ),
        "search": ref(
            f"{BI}/test_requests.py",
            "test_searches_are_cached_by_their_words_and_share_tracking_variants",
        ),
    },
    "an editor without the data permission opening submissions or exports": {
        "newsletter": SUBSCRIBER_DATA,
        "footer": SUBSCRIBER_DATA,
        "petition": SIGNATURE_DATA,
        "pledge": SIGNATURE_DATA,
        "embed": SIGNATURE_DATA,
        "voice": ref(
            f"{BI}/test_permissions.py", "test_a_moderator_reads_voice_submissions_and_nothing_else"
        )
        + ref(
            "tests/testimonials/test_admin_and_demo.py",
            "test_people_without_the_permission_see_no_submissions",
        ),
        "letter": ref(
            f"{LETTERS}/test_letters_report.py",
            "test_editors_without_the_permission_neither_see_nor_download_it",
        ),
        "call": ref(
            f"{CALLS}/test_calls_report.py",
            "test_editors_without_the_permission_neither_see_nor_download_it",
        ),
        "search": na("nothing is stored"),
    },
}
