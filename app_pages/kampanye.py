"""Kampanye: the Bupati's programmes; who took part and who has not posted about it yet."""

import streamlit as st

from ui import auth as _auth
from ui import charts, data, filters, i18n, one_opd
from ui import widgets as w
from ui.forms import campaigns as campaigns_form
from ui.panels import BOTH, SCREEN, Controls, Panel, Row, StopIf, show
from ui.slides import Deck
from ui.widgets import Col

# The two lists stand side by side on the screen: each fits half the page at 1366 px.
HALF_PX = 430

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("kampanye")

w.header(i18n.t("page_kampanye"))
f = filters.current()

camps = data.campaigns()
names = camps.get_column("name").to_list() if camps.height else []


def chosen() -> dict:
    """The campaign picked in the box (the first before the box is drawn)."""
    name = st.session_state.get("kampanye")
    return camps.row(names.index(name) if name in names else 0, named=True)


def campaign_filters() -> data.Filters:
    """The sidebar's filters over the campaign's own period (the sidebar's where it has none)."""
    camp = chosen()
    start = camp["start_date"] or f.start
    end = camp["end_date"] or f.end
    return filters.make_filters(start, end, f.platforms, f.opd_kinds, f.opd_ids)


def participation():
    return data.campaign_participation(campaign_filters(), campaign_id=int(chosen()["campaign_id"]))


def define_campaigns(deck: Deck) -> None:
    campaigns_form.campaign_form(key="new_campaign", expanded=not camps.height)
    campaigns_form.campaign_file_upload()


def no_campaign() -> None:
    w.empty_state(
        i18n.tr("Belum ada kampanye", "No campaign yet"),
        i18n.tr(
            "Tetapkan kampanye (nama, periode, tagar dan kata kunci) lewat formulir "
            "di atas; postingan yang cocok akan dihitung otomatis.",
            "Define a campaign (name, period, hashtags, keywords) with the form "
            "above; matching posts are counted automatically.",
        ),
    )


def pick_campaign(deck: Deck) -> None:
    st.selectbox(
        i18n.tr("Kampanye", "Campaign"),
        names,
        key="kampanye",
        # On a slide the campaign's name is the only thing the box needs to show.
        label_visibility="collapsed" if deck.active else "visible",
    )


def key_figures(deck: Deck) -> None:
    camp, cf = chosen(), campaign_filters()
    tags = " ".join(f"#{t}" for t in (camp.get("hashtags") or []))
    words = ", ".join(camp.get("keywords") or [])
    st.caption(f"{i18n.fmt_date(cf.start)} – {i18n.fmt_date(cf.end)} · {tags} {words}".strip())
    if ONE_OPD:
        one_opd_figures()
        return
    k = data.campaign_totals(cf, campaign_id=int(camp["campaign_id"])).row(0, named=True)
    k1, k2, k3 = st.columns(3)
    with k1:
        w.kpi(
            i18n.tr("OPD ikut serta", "OPDs taking part"),
            f"{i18n.fmt_int(k['participating_opds'])} / {i18n.fmt_int(k['expected_opds'])}",
        )
    with k2:
        w.kpi(
            i18n.tr("Tingkat partisipasi", "Participation rate"),
            i18n.fmt_pct(k["participation_rate"]),
        )
    with k3:
        w.kpi(i18n.tr("Postingan kampanye", "Campaign posts"), i18n.fmt_int(k["campaign_posts"]))
    if deck.active and JOINED_ON_KPI:
        # A short list of who took part fills the key-figures slide instead of a slide of its
        # own that stood half empty.
        st.subheader(i18n.tr("Sudah ikut serta", "Took part"))
        took_part(deck)


def one_opd_figures() -> None:
    """One OPD: whether it took part, how often, when first and last (a rate of 0/1 or a
    bar per OPD kind says nothing about one OPD)."""
    part = participation()
    if not part.height:
        st.caption(
            i18n.tr(
                "OPD ini tidak termasuk OPD yang wajib mengunggah.",
                "This OPD is not among the OPDs expected to post.",
            )
        )
        return
    r = part.row(0, named=True)
    joined = bool(r["participated"])
    k1, k2, k3 = st.columns(3)
    with k1:
        # A short value: a card's figure is cut after a dozen letters on a 1366 px slide.
        w.kpi(
            i18n.tr("Ikut serta", "Took part"),
            i18n.tr("Sudah", "Yes") if joined else i18n.tr("Belum", "Not yet"),
        )
    with k2:
        w.kpi(i18n.tr("Postingan kampanye", "Campaign posts"), i18n.fmt_int(r["campaign_posts"]))
    with k3:
        w.kpi(
            i18n.tr("Postingan terakhir", "Latest post"),
            i18n.fmt_date(r["last_post_at"]) if r["last_post_at"] is not None else "-",
        )
    name = chosen()["name"]
    st.markdown(
        i18n.tr(
            f"**{r['opd']}** sudah mengunggah {i18n.fmt_int(r['campaign_posts'])} postingan "
            f"tentang {name}, pertama {i18n.fmt_date(r['first_post_at'])}.",
            f"**{r['opd']}** has posted {i18n.fmt_int(r['campaign_posts'])} times about "
            f"{name}, first on {i18n.fmt_date(r['first_post_at'])}.",
        )
        if joined
        else i18n.tr(
            f"**{r['opd']}** belum mengunggah tentang {name} pada periode kampanye.",
            f"**{r['opd']}** has not posted about {name} in the campaign period.",
        )
    )


def by_kind(deck: Deck) -> None:
    summary = data.campaign_summary(campaign_filters(), campaign_id=int(chosen()["campaign_id"]))
    if not summary.height:
        w.no_match()
        return
    deck.chart(
        charts.ranking_bar(
            charts.with_labels(summary, "opd_kind", "kind").rename({"opd_kind_label": "opd"}),
            x="participation_rate",
            x_title=i18n.tr(
                "OPD yang ikut serta (% dari OPD wajib)", "OPDs taking part (% of OPDs)"
            ),
            y_title=i18n.t("opd_kind"),
            percent=True,
            big=deck.active,
            domain_max=1,
        ),
        rows=summary.height,
    )


def not_yet(deck: Deck) -> None:
    part = participation()
    missing = part.filter(~part["participated"]) if part.height else part
    if not missing.height:
        st.success(i18n.tr("Semua OPD sudah ikut serta.", "Every OPD took part."))
        return
    name = chosen()["name"]
    w.table(
        missing,
        [Col("opd", "OPD"), Col("opd_kind", i18n.t("opd_kind"), "kind")],
        key="camp_missing",
        fit_px=HALF_PX,
        title=i18n.tr(f"OPD belum mengunggah {name}", f"OPDs not yet posting about {name}"),
    )


def took_part(deck: Deck) -> None:
    part = participation()
    name = chosen()["name"]
    if not JOINED:
        st.caption(i18n.tr("Belum ada OPD yang ikut serta.", "No OPD has taken part yet."))
        return
    w.table(
        part.filter(part["participated"]) if part.height else part,
        [
            Col("opd", "OPD"),
            Col("campaign_posts", i18n.t("posts"), "int"),
            Col("first_post_at", i18n.tr("Pertama", "First"), "date"),
            Col("last_post_at", i18n.tr("Terakhir", "Last"), "date"),
        ],
        key="camp_joined",
        fit_px=HALF_PX,
        title=i18n.tr(f"Partisipasi {name}", f"{name} participation"),
    )


def campaign_posts(deck: Deck) -> None:
    camp = chosen()
    w.drilldown(
        camp["name"], campaign_filters(), key="campaign_posts", campaign_id=int(camp["campaign_id"])
    )


ONE_OPD = one_opd.is_one_opd(f)


def _slide_if(has_data: bool):
    """A panel with nothing to show stays on the screen (which says so) but is left out of the
    deck: a slide reading "empty" or "no data" is no slide."""
    return BOTH if has_data else SCREEN


def _part_counts() -> tuple[int, int]:
    """(OPDs that took part, OPDs that did not) in the chosen campaign."""
    if not camps.height:
        return 0, 0
    part = participation()
    joined = int(part.get_column("participated").sum()) if part.height else 0
    return joined, part.height - joined


JOINED, MISSING = _part_counts()
# Up to this many OPDs that took part are listed under the key figures on the slide.
JOINED_ON_KPI = not ONE_OPD and 0 < JOINED <= 6

show(
    "kampanye",
    [
        Panel("define", define_campaigns, where=SCREEN),
        StopIf(lambda: not camps.height, notice=no_campaign),
        Controls(pick_campaign),
        Panel("kpi", key_figures, i18n.tr("Angka utama", "Key figures"), heading=False),
        # One OPD: its own figures above say all (a bar per OPD kind would be one bar).
        *(
            []
            if ONE_OPD
            else [
                Panel(
                    "kind",
                    by_kind,
                    i18n.tr("Partisipasi per jenis OPD", "Participation by OPD kind"),
                    _slide_if(JOINED + MISSING > 0),
                ),
                Row(
                    Panel(
                        "missing",
                        not_yet,
                        i18n.tr("Belum mengunggah tentang kampanye ini", "Has not posted about it"),
                        _slide_if(MISSING > 0),
                    ),
                    Panel(
                        "joined",
                        took_part,
                        i18n.tr("Sudah ikut serta", "Took part"),
                        _slide_if(JOINED > 0 and not JOINED_ON_KPI),
                    ),
                ),
            ]
        ),
        Panel("posts", campaign_posts, where=SCREEN),
    ],
)
