import re

from search_app.web.app import create_app


def test_home_page_has_a_search_form(client):
    page = client.get("/").get_data(as_text=True)
    assert '<form class="search" action="/search" method="get"' in page
    assert "Tìm kiếm" in page


def test_results_page_shows_total_snippets_and_speakers(client):
    response = client.get("/search?q=bui+van+khoe")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r"Tìm thấy 1 kết quả \(\d+ ms\)", page)
    assert "<mark>Bùi Văn Khoẻ</mark>" in page
    assert "Người phát biểu:" in page
    assert (
        '<a class="speaker" href="/speaker/B%C3%B9i%20V%C4%83n%20Kho%E1%BA%BB">Bùi Văn Khoẻ</a> – Giám đốc Sở'
        in page
    )
    assert 'href="/doc/khcn/04-so-khcn-hoa-binh?q=bui+van+khoe"' in page


def test_no_results_message(client):
    page = client.get("/search?q=xyzzyx").get_data(as_text=True)
    assert "Không tìm thấy kết quả nào cho <strong>xyzzyx</strong>." in page


def test_pagination_links(client):
    page = client.get("/search?q=ngay&page=2").get_data(as_text=True)
    assert re.search(r"Tìm thấy 18 kết quả", page)
    assert 'href="/search?q=ngay&amp;page=1"' in page
    assert "Trang 2 / 2" in page
    assert 'rel="next"' not in page


def test_script_in_an_article_never_reaches_a_page_raw(client):
    for url in [
        "/search?q=script+alert",
        "/search?q=an+toan+thong+tin",
        "/doc/khcn/10-hoi-nghi-an-toan-thong-tin",
        "/doc/khcn/10-hoi-nghi-an-toan-thong-tin?q=script",
    ]:
        page = client.get(url).get_data(as_text=True)
        # The only scripts are the page's own: autocomplete and the folding filter bar.
        assert re.findall(r"<script[^>]*>", page) == [
            '<script src="/static/suggest.js" defer>',
            '<script src="/static/filters.js" defer>',
        ], url
    page = client.get("/doc/khcn/10-hoi-nghi-an-toan-thong-tin?q=script").get_data(as_text=True)
    assert (
        "&lt;<mark>script</mark>&gt;alert(&#34;xss&#34;)" in page
        or '&lt;<mark>script</mark>&gt;alert("xss")' in page
    )


def test_query_with_html_is_escaped_everywhere(client):
    page = client.get("/search?q=%3Cscript%3Ex%3C/script%3E").get_data(as_text=True)
    assert "<script>x" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page


def test_document_page_marks_the_query_words(client):
    page = client.get("/doc/khcn/04-so-khcn-hoa-binh?q=hoa+binh").get_data(as_text=True)
    assert "<h1>Sở Khoa học và Công nghệ <mark>Hoà Bình</mark>" in page
    assert "<strong>Bùi Văn Khoẻ</strong></a> – Giám đốc Sở" in page


def test_unknown_document_page_is_404(client):
    response = client.get("/doc/khcn/nope")
    assert response.status_code == 404
    assert "Không tìm thấy bài viết này." in response.get_data(as_text=True)


def test_bad_page_number_is_a_400_page(client):
    response = client.get("/search?q=x&page=0")
    assert response.status_code == 400
    assert "Số trang không hợp lệ." in response.get_data(as_text=True)


def test_missing_index_page(tmp_path):
    app = create_app({"INDEX_PATH": str(tmp_path / "none"), "TESTING": True})
    response = app.test_client().get("/search?q=x")
    assert response.status_code == 503
    assert "Chỉ mục tìm kiếm chưa được tạo." in response.get_data(as_text=True)


def test_a_page_past_the_last_says_how_many_pages_there_are(client):
    page = client.get("/search?q=ngay&page=1000").get_data(as_text=True)
    assert "Tìm thấy 18 kết quả, nhưng chỉ có 2 trang:" in page
    assert '<a href="/search?q=ngay&amp;page=2">xem trang 2</a>' in page
    assert "Trang 1000" not in page


def test_a_favicon_and_the_language_of_the_page(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="vi">' in page
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    response = client.get("/favicon.ico")
    assert (response.status_code, response.location) == (301, "/static/favicon.svg")
    with client.get("/static/favicon.svg") as icon:
        assert (icon.status_code, icon.mimetype) == (200, "image/svg+xml")


def test_the_search_box_has_a_label(client):
    page = client.get("/search?q=hoi+nghi").get_data(as_text=True)
    assert '<label for="q" class="visually-hidden">Từ khóa tìm kiếm</label>' in page
    assert '<input type="search" id="q" name="q" value="hoi nghi"' in page


def test_a_search_that_finds_nothing_offers_a_way_forward(client):
    page = client.get("/search?q=hoi+nghi&year=1999").get_data(as_text=True)
    assert "Không tìm thấy kết quả nào cho <strong>hoi nghi</strong>." in page
    assert '<li><a href="/search?q=hoi+nghi">Tìm lại không kèm bộ lọc</a></li>' in page
    assert 'Tìm với dấu: <a href="/search?q=h%E1%BB%99i+ngh%E1%BB%8B&amp;year=1999">hội nghị</a>' in page
    found = client.get("/search?q=hoi+nghi").get_data(as_text=True)
    assert "Tìm lại không kèm bộ lọc" not in found


def test_the_home_page_browses_the_archive(client):
    page = client.get("/").get_data(as_text=True)
    assert "Kho lưu trữ có 20 bài viết." in page
    latest = re.search(r"<h2>Bài mới nhất</h2>\s*<ul>(.*?)</ul>", page, re.S)[1]
    assert latest.count("<li>") == 8
    assert '<span class="date">2024-' in latest.split("</li>")[0]  # the newest first
    assert '<a href="/search?q=year:2023">2023</a> <span class="count">11</span>' in page
    assert '<a href="/speaker/Gi' in page and "&amp;org=B%E1%BB%87nh+vi%E1%BB%87n+B%E1%BA%A1ch+Mai" in page


def test_the_home_page_without_an_index_still_offers_the_search_box(tmp_path):
    client = create_app({"INDEX_PATH": str(tmp_path / "none"), "TESTING": True}).test_client()
    response = client.get("/")
    assert response.status_code == 200
    assert '<form class="search"' in response.get_data(as_text=True)
    assert "Kho lưu trữ" not in response.get_data(as_text=True)
