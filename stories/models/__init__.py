from .index import StoryIndexPage
from .news import NewsIndexPage, NewsPage, NewsRelatedStory
from .story import CaseStoryPage

__all__ = ["CaseStoryPage", "NewsIndexPage", "NewsPage", "NewsRelatedStory", "StoryIndexPage"]
