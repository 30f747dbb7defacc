from django import template

from stories.sharing import share_links as build_share_links

register = template.Library()


@register.inclusion_tag("stories/includes/share_links.html", takes_context=True)
def share_links(context, page, heading: str):
    """'Share this story': the page's absolute URL on the host the visitor used."""
    request = context["request"]
    url = request.build_absolute_uri(page.get_url(request=request))
    return {"heading": heading, "url": url, "links": build_share_links(url, page.title)}
