"""The story page: every outlet's coverage of one story, grouped by language."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response

from jarida.web.deps import READ_METHODS, app_state, cached_page, interface
from jarida.web.story_views import story_page_data

router = APIRouter(include_in_schema=False)
StoryId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.api_route("/stories/{story_id}", methods=READ_METHODS)
def story_page(request: Request, story_id: StoryId) -> Response:
    state, ui = app_state(request), interface(request)

    def render() -> bytes:
        with state.database.read() as conn:
            data = story_page_data(conn, story_id, ui.lang)
        if data is None:
            raise HTTPException(404, "This story does not exist.")
        card, groups = data
        return state.renderer.render("story.html", request, ui, story=card, groups=groups)

    return cached_page(request, ui, render)
