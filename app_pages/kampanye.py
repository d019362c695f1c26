"""Kampanye: the Bupati's programmes; who took part and who has not posted about it yet."""

import streamlit as st

from ui import auth as _auth
from ui import charts, data, filters, i18n, slides
from ui import widgets as w
from ui.forms import campaigns as campaigns_form
from ui.widgets import Col

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("kampanye")

big = w.presenting()
w.header(i18n.t("page_kampanye"))
f = filters.current()

camps = data.campaigns()
if not big:
    campaigns_form.campaign_form(key="new_campaign", expanded=not camps.height)
    campaigns_form.campaign_file_upload()
if not camps.height:
    w.empty_state(
        i18n.tr("Belum ada kampanye", "No campaign yet"),
        i18n.tr(
            "Tetapkan kampanye (nama, periode, tagar dan kata kunci) lewat formulir "
            "di atas; postingan yang cocok akan dihitung otomatis.",
            "Define a campaign (name, period, hashtags, keywords) with the form "
            "above; matching posts are counted automatically.",
        ),
    )
    st.stop()

T_KIND = i18n.tr("Partisipasi per jenis OPD", "Participation by OPD kind")
T_MISSING = i18n.tr("Belum mengunggah tentang kampanye ini", "Has not posted about it")
T_JOINED = i18n.tr("Sudah ikut serta", "Took part")
deck = slides.Deck(
    "kampanye",
    {
        "kpi": i18n.tr("Angka utama", "Key figures"),
        "kind": T_KIND,
        "missing": T_MISSING,
        "joined": T_JOINED,
    },
)
names = camps.get_column("name").to_list()
choice = st.selectbox(
    i18n.tr("Kampanye", "Campaign"),
    names,
    key="kampanye",
    # On a slide the campaign's name is the only thing the box needs to show.
    label_visibility="collapsed" if big else "visible",
)
camp = camps.row(names.index(choice), named=True)
start = camp["start_date"] or f.start
end = camp["end_date"] or f.end
cf = filters.make_filters(start, end, f.platforms, f.opd_kinds, f.opd_ids)
tags = " ".join(f"#{t}" for t in (camp.get("hashtags") or []))
words = ", ".join(camp.get("keywords") or [])
if not deck.active or deck.current_name == "kpi":  # chart slides keep their height
    st.caption(f"{i18n.fmt_date(start)} – {i18n.fmt_date(end)} · {tags} {words}".strip())

part = data.campaign_participation(cf, campaign_id=int(camp["campaign_id"]))
summary = data.campaign_summary(cf, campaign_id=int(camp["campaign_id"]))
joined = part.filter(part["participated"]) if part.height else part
missing = part.filter(~part["participated"]) if part.height else part
if deck.show("kpi"):
    k1, k2, k3 = st.columns(3)
    with k1:
        w.kpi(
            i18n.tr("OPD ikut serta", "OPDs taking part"),
            f"{i18n.fmt_int(joined.height)} / {i18n.fmt_int(part.height)}",
        )
    with k2:
        w.kpi(
            i18n.tr("Tingkat partisipasi", "Participation rate"),
            i18n.fmt_pct(joined.height / part.height if part.height else None),
        )
    with k3:
        w.kpi(
            i18n.tr("Postingan kampanye", "Campaign posts"),
            i18n.fmt_int(part.get_column("campaign_posts").sum() if part.height else 0),
        )

if deck.show("kind"):
    st.subheader(T_KIND)
    if summary.height:
        deck.chart(
            charts.ranking_bar(
                charts.with_labels(summary, "opd_kind", "kind").rename({"opd_kind_label": "opd"}),
                x="participation_rate",
                x_title=i18n.tr(
                    "OPD yang ikut serta (% dari OPD wajib)", "OPDs taking part (% of OPDs)"
                ),
                y_title=i18n.t("opd_kind"),
                percent=True,
                big=big,
                domain_max=1,
            ),
            rows=summary.height,
        )
    else:
        w.no_match()

left, right = st.columns(2) if not big else (st.container(), st.container())
with left:
    if deck.show("missing"):
        st.subheader(T_MISSING)
        if missing.height:
            w.table(
                missing,
                [Col("opd", "OPD"), Col("opd_kind", i18n.t("opd_kind"), "kind")],
                key="camp_missing",
                title=i18n.tr(
                    f"OPD belum mengunggah {choice}", f"OPDs not yet posting about {choice}"
                ),
            )
        else:
            st.success(i18n.tr("Semua OPD sudah ikut serta.", "Every OPD took part."))
with right:
    if deck.show("joined"):
        st.subheader(T_JOINED)
        w.table(
            joined,
            [
                Col("opd", "OPD"),
                Col("campaign_posts", i18n.t("posts"), "int"),
                Col("first_post_at", i18n.tr("Pertama", "First"), "date"),
                Col("last_post_at", i18n.tr("Terakhir", "Last"), "date"),
            ],
            key="camp_joined",
            title=i18n.tr(f"Partisipasi {choice}", f"{choice} participation"),
        )

w.drilldown(choice, cf, key="campaign_posts", campaign_id=int(camp["campaign_id"]))
