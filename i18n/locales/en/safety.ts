// English words of the "Browse safely" page. fr/safety.ts must have exactly the same keys.
const safety = {
  title: 'Browse safely',
  lead: 'If someone you live with may look at your phone or computer, these steps make it harder for them to learn that you looked for support. None of them is perfect: do what feels safe for you.',
  sections: {
    exit: {
      title: 'Leave in a hurry',
      body: 'The “Exit this page” button at the top of every page, or the Shift key pressed three times in a row, hides Cercle at once and opens a neutral website in its place. The browser’s Back button does not bring the page back.',
    },
    private: {
      title: 'Use a private window',
      body: 'A private window (“incognito” in some browsers) forgets the pages you visit, its cookies and what you typed once you close it. Open one from your browser’s menu before you come to Cercle, and close it when you are done.',
    },
    history: {
      title: 'Clear your history',
      body: 'If you did not use a private window, you can remove the pages you visited in your browser’s history settings. Erasing the whole history can draw attention; removing only Cercle’s pages usually does not. Suggestions that appear as you type an address come from the same history.',
    },
    shared: {
      title: 'On a shared phone or computer',
      body: 'Sign out when you finish, do not let the browser save your password, and check whether the device also shows your emails or calendar to others. A computer at a library, at work or at a friend’s home may be safer than one at home.',
    },
    discreet: {
      title: 'Discreet emails and calendar entries',
      body: 'When you sign up for a session or apply to a group, you can ask for discreet emails: their subject, sender and preview say nothing of the group, and calendar entries are simply called “Appointment”. You can turn this on or off at any time from the personal link in your emails. An email address that only you can open is safest.',
    },
    danger: {
      title: 'If you are in danger',
      body: 'If you are in danger now, call 911. A shelter or a crisis line near you can help you make a plan to stay safe, including for the people and pets who depend on you.',
    },
  },
};

export default safety;
